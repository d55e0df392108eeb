import InnomedServices
import SwiftUI
import UIKit

/// A photo message: a placeholder of the right shape, then the decrypted thumbnail; a tap
/// opens the full image. Both are decoded within `ImageLimits` (`BoundedImage`).
struct PhotoThumbnailView: View {
    let message: CaseMessage
    let info: PhotoMessage
    let viewModel: CaseViewModel
    @State private var thumbnail: DecodedImage?
    @State private var showsFull = false

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Button { showsFull = true } label: {
                ZStack {
                    RoundedRectangle(cornerRadius: 12).fill(Color(.tertiarySystemFill))
                    if case let .image(image)? = thumbnail {
                        Image(uiImage: image).resizable().scaledToFill()
                    } else if let key = thumbnail?.refusalKey {
                        Text(L10n.string(key)).font(.caption).foregroundStyle(.red).padding(8)
                    } else {
                        ProgressView()
                    }
                }
                .aspectRatio(info.aspectRatio ?? 4.0 / 3.0, contentMode: .fit)
                .frame(maxWidth: 240)
                .clipShape(RoundedRectangle(cornerRadius: 12))
            }
            .buttonStyle(.plain)
            .accessibilityLabel(Text("case.photo"))
            if let caption = info.caption {
                Text(caption).font(.caption)
            }
        }
        .task(id: message.handle) {
            if info.hasThumbnail, let data = await viewModel.photo(of: message, variant: .thumbnail) {
                thumbnail = await BoundedImage.decoded(data, maxEdge: ImageLimits.thumbnailEdge)
            }
        }
        .fullScreenCover(isPresented: $showsFull) {
            FullPhotoView(message: message, viewModel: viewModel)
        }
    }
}

/// The full image, decrypted on demand and kept in memory only while shown.
struct FullPhotoView: View {
    let message: CaseMessage
    let viewModel: CaseViewModel
    @State private var image: DecodedImage?
    @State private var failed = false
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            ZStack {
                Color.black.ignoresSafeArea()
                if case let .image(decoded)? = image {
                    Image(uiImage: decoded).resizable().scaledToFit()
                } else if let key = image?.refusalKey {
                    Text(L10n.string(key)).foregroundStyle(.white).padding()
                } else if failed {
                    Text("case.photo.failed").foregroundStyle(.white)
                } else {
                    ProgressView().tint(.white)
                }
            }
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.close") { dismiss() }
                }
            }
        }
        .task {
            if let data = await viewModel.photo(of: message, variant: .full) {
                image = await BoundedImage.decoded(data, maxEdge: ImageLimits.fullImageEdge)
            } else {
                failed = true
            }
        }
    }
}

/// A small image from bytes (a received document's thumbnail, a prepared file's), decoded within
/// `ImageLimits` (`BoundedImage`): a placeholder while it loads, the symbol when there is none,
/// a warning read aloud with its reason when it is refused.
struct BoundedThumbnail: View {
    let id: AnyHashable
    /// The SF Symbol shown when there is no thumbnail.
    let symbol: String
    let load: () async -> Data?
    @State private var decoded: DecodedImage?
    @State private var loaded = false

    var body: some View {
        ZStack {
            RoundedRectangle(cornerRadius: 8).fill(Color(.tertiarySystemFill))
            if case let .image(image)? = decoded {
                Image(uiImage: image).resizable().scaledToFill()
            } else if let key = decoded?.refusalKey {
                Image(systemName: "exclamationmark.triangle")
                    .foregroundStyle(.red)
                    .accessibilityLabel(Text(L10n.string(key)))
            } else if loaded {
                Image(systemName: symbol).font(.title2).foregroundStyle(.secondary)
            } else {
                ProgressView()
            }
        }
        .clipShape(RoundedRectangle(cornerRadius: 8))
        .task(id: id) {
            if let data = await load() {
                decoded = await BoundedImage.decoded(data, maxEdge: ImageLimits.thumbnailEdge)
            }
            loaded = true
        }
    }
}
