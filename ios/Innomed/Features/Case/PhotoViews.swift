import InnomedServices
import SwiftUI
import UIKit

/// A photo message: a placeholder of the right shape, then the decrypted thumbnail; a tap
/// opens the full image.
struct PhotoThumbnailView: View {
    let message: MessageEntry
    let info: PhotoInfo
    let viewModel: CaseViewModel
    @State private var thumbnail: UIImage?
    @State private var showsFull = false

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Button { showsFull = true } label: {
                ZStack {
                    RoundedRectangle(cornerRadius: 12).fill(Color(.tertiarySystemFill))
                    if let thumbnail {
                        Image(uiImage: thumbnail).resizable().scaledToFill()
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
                thumbnail = UIImage(data: data)
            }
        }
        .fullScreenCover(isPresented: $showsFull) {
            FullPhotoView(message: message, viewModel: viewModel)
        }
    }
}

/// The full image, decrypted on demand and kept in memory only while shown.
struct FullPhotoView: View {
    let message: MessageEntry
    let viewModel: CaseViewModel
    @State private var image: UIImage?
    @State private var failed = false
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            ZStack {
                Color.black.ignoresSafeArea()
                if let image {
                    Image(uiImage: image).resizable().scaledToFit()
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
                image = UIImage(data: data)
            } else {
                failed = true
            }
        }
    }
}
