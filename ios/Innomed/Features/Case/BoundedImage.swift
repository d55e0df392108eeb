import Foundation
import ImageIO
import UIKit

/// How large an image may be before this phone decodes it, and at what size it is decoded.
///
/// Why: photos and thumbnails received in a case are bytes chosen by another case member. A
/// hostile member can send a decompression bomb, a small file whose header declares, say,
/// 30000 × 30000 pixels (3.6 GB once decoded). So the header is read first, an image over these
/// limits is never decoded, and any other is decoded by ImageIO straight to the size it is shown
/// at. The Android app has the same limits under the same names (`ImageLimits` in
/// `libraries/api`, `ImageBounds.kt`).
struct ImageLimits: Equatable {
    let maxBytes: Int
    let maxPixels: Int

    /// Larger files are not decoded (the core sends JPEGs of at most 2048 px, far smaller).
    static let maxImageBytes = 25 * 1024 * 1024
    /// Width × height as the header says; more is refused before any pixel is decoded.
    static let maxImagePixels = 50_000_000
    /// The long edge a full image is decoded to, at most (the core sends at most 2048 px).
    static let fullImageEdge = 2048
    /// The long edge a thumbnail is decoded to, at most (the core makes them 320 px).
    static let thumbnailEdge = 320

    /// For photos and thumbnails received from case members.
    static let received = ImageLimits(maxBytes: maxImageBytes, maxPixels: maxImagePixels)
}

/// What to do with an image, decided from its byte count and its header alone.
enum ImageDecodePlan: Equatable {
    /// Decode it with its long edge at `maxPixelSize` (never more than the image has).
    case decode(maxPixelSize: Int)
    /// Over the limits: not decoded; the screen says the image is too large to display.
    case tooLarge
    /// No usable header (no size, or a size of zero or less): not decoded.
    case unreadable
}

/// The plan for an image of `byteCount` bytes whose header says `width` × `height` (zero or less
/// when the header could not be read), to be shown with its long edge at most `maxEdge` pixels.
func planImageDecode(
    byteCount: Int, width: Int, height: Int, maxEdge: Int, limits: ImageLimits = .received
) -> ImageDecodePlan {
    precondition(maxEdge > 0, "maxEdge must be positive")
    if byteCount > limits.maxBytes { return .tooLarge }
    if width <= 0 || height <= 0 { return .unreadable }
    let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
    if overflow || pixels > limits.maxPixels { return .tooLarge }
    return .decode(maxPixelSize: min(max(width, height), maxEdge))
}

/// An image ready to draw, or why it is not shown.
enum DecodedImage {
    case image(UIImage)
    case tooLarge
    case unreadable

    /// The line shown instead of the image; nil when there is an image.
    var refusalKey: String? {
        switch self {
        case .image: return nil
        case .tooLarge: return "case.photo.tooLarge"
        case .unreadable: return "case.photo.damaged"
        }
    }
}

/// Decodes received image bytes in memory, never at full size: the header first
/// (`planImageDecode`), then ImageIO's thumbnail of the shown size, taken from the full image
/// (not an embedded thumbnail), turned as its orientation says, decoded now rather than when
/// first drawn. Call it off the main thread.
enum BoundedImage {
    static func decode(_ data: Data, maxEdge: Int, limits: ImageLimits = .received) -> DecodedImage {
        // No cache: nothing keeps a decoded copy of the whole image.
        let sourceOptions = [kCGImageSourceShouldCache: false] as CFDictionary
        guard let source = CGImageSourceCreateWithData(data as CFData, sourceOptions),
              CGImageSourceGetCount(source) > 0 else {
            return planned(planImageDecode(byteCount: data.count, width: 0, height: 0, maxEdge: maxEdge, limits: limits))
        }
        let properties = CGImageSourceCopyPropertiesAtIndex(source, 0, sourceOptions) as? [CFString: Any]
        let width = (properties?[kCGImagePropertyPixelWidth] as? NSNumber)?.intValue ?? 0
        let height = (properties?[kCGImagePropertyPixelHeight] as? NSNumber)?.intValue ?? 0
        let plan = planImageDecode(byteCount: data.count, width: width, height: height, maxEdge: maxEdge, limits: limits)
        guard case let .decode(maxPixelSize) = plan else { return planned(plan) }
        let thumbnailOptions: [CFString: Any] = [
            kCGImageSourceCreateThumbnailFromImageAlways: true,
            kCGImageSourceThumbnailMaxPixelSize: maxPixelSize,
            kCGImageSourceCreateThumbnailWithTransform: true,
            kCGImageSourceShouldCacheImmediately: true,
        ]
        guard let image = CGImageSourceCreateThumbnailAtIndex(source, 0, thumbnailOptions as CFDictionary) else {
            return .unreadable
        }
        return .image(UIImage(cgImage: image))
    }

    /// Decodes on a background thread.
    static func decoded(_ data: Data, maxEdge: Int) async -> DecodedImage {
        await Task.detached(priority: .userInitiated) { BoundedImage.decode(data, maxEdge: maxEdge) }.value
    }

    private static func planned(_ plan: ImageDecodePlan) -> DecodedImage {
        switch plan {
        case .tooLarge: return .tooLarge
        case .unreadable, .decode: return .unreadable
        }
    }
}
