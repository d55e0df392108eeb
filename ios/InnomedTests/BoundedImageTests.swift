@testable import Innomed
import UIKit
import XCTest

/// Received images are refused over the limits, on their header alone, or decoded to screen size.
final class BoundedImageTests: XCTestCase {
    private let full = ImageLimits.fullImageEdge
    private let thumbnail = ImageLimits.thumbnailEdge
    private let jpeg = 400_000

    func testTheLimitsAreTheAndroidApps() {
        XCTAssertEqual(ImageLimits.maxImageBytes, 25 * 1024 * 1024)
        XCTAssertEqual(ImageLimits.maxImagePixels, 50_000_000)
        XCTAssertEqual(ImageLimits.fullImageEdge, 2048)
        XCTAssertEqual(ImageLimits.thumbnailEdge, 320)
        XCTAssertEqual(ImageLimits.received, ImageLimits(maxBytes: ImageLimits.maxImageBytes, maxPixels: ImageLimits.maxImagePixels))
    }

    func testWhatTheCoreSendsIsDecodedAtItsOwnSize() {
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 2048, height: 1536, maxEdge: full), .decode(maxPixelSize: 2048))
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 1536, height: 2048, maxEdge: full), .decode(maxPixelSize: 2048))
        XCTAssertEqual(planImageDecode(byteCount: 20_000, width: 320, height: 240, maxEdge: thumbnail), .decode(maxPixelSize: 320))
        XCTAssertEqual(planImageDecode(byteCount: 500, width: 1, height: 1, maxEdge: thumbnail), .decode(maxPixelSize: 1))
    }

    func testALargerImageIsDecodedToTheShownSize() {
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 4000, height: 3000, maxEdge: full), .decode(maxPixelSize: 2048))
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 2048, height: 1536, maxEdge: thumbnail), .decode(maxPixelSize: 320))
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 10_000, height: 5_000, maxEdge: full), .decode(maxPixelSize: 2048))
    }

    func testADecompressionBombIsRefusedOnItsHeaderHoweverSmallTheFile() {
        XCTAssertEqual(planImageDecode(byteCount: 40_000, width: 30_000, height: 30_000, maxEdge: full), .tooLarge)
        XCTAssertEqual(planImageDecode(byteCount: 40_000, width: 30_000, height: 30_000, maxEdge: thumbnail), .tooLarge)
        XCTAssertEqual(planImageDecode(byteCount: 100, width: Int.max, height: Int.max, maxEdge: full), .tooLarge)
        XCTAssertEqual(planImageDecode(byteCount: 100, width: 1_000_000, height: 60, maxEdge: full), .tooLarge)
    }

    func testThePixelLimitIsInclusive() {
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 50_000_000, height: 1, maxEdge: full), .decode(maxPixelSize: 2048))
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 10_000, height: 5_000, maxEdge: full), .decode(maxPixelSize: 2048))
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 50_000_001, height: 1, maxEdge: full), .tooLarge)
        XCTAssertEqual(planImageDecode(byteCount: jpeg, width: 10_001, height: 5_000, maxEdge: full), .tooLarge)
    }

    func testAFileOverTheByteLimitIsRefusedWhateverItsHeaderSays() {
        let limit = ImageLimits.maxImageBytes
        XCTAssertEqual(planImageDecode(byteCount: limit, width: 2048, height: 1536, maxEdge: full), .decode(maxPixelSize: 2048))
        XCTAssertEqual(planImageDecode(byteCount: limit + 1, width: 2048, height: 1536, maxEdge: full), .tooLarge)
        XCTAssertEqual(planImageDecode(byteCount: limit + 1, width: 0, height: 0, maxEdge: full), .tooLarge)
    }

    func testAHeaderWithoutAPositiveSizeIsUnreadable() {
        let sizes = [(0, 0), (0, 100), (100, 0), (-1, 100), (100, -1), (-1, -1), (Int.min, Int.min)]
        for (width, height) in sizes {
            XCTAssertEqual(planImageDecode(byteCount: jpeg, width: width, height: height, maxEdge: full), .unreadable, "\(width) × \(height)")
        }
    }

    func testEachRefusalHasItsLine() {
        XCTAssertEqual(DecodedImage.tooLarge.refusalKey, "case.photo.tooLarge")
        XCTAssertEqual(DecodedImage.unreadable.refusalKey, "case.photo.damaged")
        XCTAssertNil(DecodedImage.image(UIImage()).refusalKey)
    }

    // ImageIO itself, on images made here.

    func testAPhotoIsDecodedNoLargerThanAsked() throws {
        let photo = try XCTUnwrap(Self.jpeg(width: 1200, height: 900))
        guard case let .image(image) = BoundedImage.decode(photo, maxEdge: thumbnail) else {
            return XCTFail("the photo was not decoded")
        }
        let cgImage = try XCTUnwrap(image.cgImage)
        XCTAssertEqual(max(cgImage.width, cgImage.height), 320)
        XCTAssertEqual(min(cgImage.width, cgImage.height), 240)
    }

    func testASmallPhotoIsNotEnlarged() throws {
        let photo = try XCTUnwrap(Self.jpeg(width: 200, height: 100))
        guard case let .image(image) = BoundedImage.decode(photo, maxEdge: full) else {
            return XCTFail("the photo was not decoded")
        }
        XCTAssertEqual(image.cgImage?.width, 200)
    }

    func testAHeaderDeclaringTooManyPixelsIsNeverDecoded() {
        // A PNG that says 30000 × 30000 (3.6 GB of pixels) in a few dozen bytes.
        let bomb = Self.pngHeader(width: 30_000, height: 30_000)
        XCTAssertLessThan(bomb.count, 100)
        switch BoundedImage.decode(bomb, maxEdge: full) {
        case .tooLarge: break
        case .unreadable: XCTFail("ImageIO did not read the header's size")
        case .image: XCTFail("a decompression bomb was decoded")
        }
    }

    func testBytesThatAreNotAnImageAreUnreadable() {
        guard case .unreadable = BoundedImage.decode(Data("Patient, 54 ans".utf8), maxEdge: full) else {
            return XCTFail("not refused as unreadable")
        }
    }

    private static func jpeg(width: Int, height: Int) -> Data? {
        let format = UIGraphicsImageRendererFormat()
        format.scale = 1
        let renderer = UIGraphicsImageRenderer(size: CGSize(width: width, height: height), format: format)
        let image = renderer.image { context in
            UIColor.systemTeal.setFill()
            context.fill(CGRect(x: 0, y: 0, width: width, height: height))
        }
        return image.jpegData(compressionQuality: 0.8)
    }

    /// The PNG signature, an IHDR chunk (8-bit RGB) and IEND, with their CRCs: no pixel data.
    private static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.append(contentsOf: bigEndian(width))
        ihdr.append(contentsOf: bigEndian(height))
        ihdr.append(contentsOf: [8, 2, 0, 0, 0])
        data.append(chunk("IHDR", ihdr))
        data.append(chunk("IEND", Data()))
        return data
    }

    private static func chunk(_ type: String, _ body: Data) -> Data {
        let typed = Data(type.utf8) + body
        var data = Data(bigEndian(UInt32(body.count)))
        data.append(typed)
        data.append(contentsOf: bigEndian(crc32(typed)))
        return data
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
