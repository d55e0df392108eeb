import InnomedServices
import SwiftUI

/// An error in words the doctor can act on, in a row under the content.
struct ErrorBanner: View {
    let text: String

    init(error: ServiceError) {
        text = error.message
    }

    /// Words of the screen's own for one of the core's refusals.
    init(text: String) {
        self.text = text
    }

    var body: some View {
        Label(text, systemImage: "exclamationmark.triangle.fill")
            .font(.callout)
            .foregroundStyle(.red)
            .accessibilityElement(children: .combine)
    }
}

extension View {
    /// Shows `error` in an alert until dismissed.
    func errorAlert(_ error: Binding<ServiceError?>) -> some View {
        alert(
            L10n.string("error.title"),
            isPresented: Binding(get: { error.wrappedValue != nil }, set: { if !$0 { error.wrappedValue = nil } }),
            presenting: error.wrappedValue
        ) { _ in
            Button("common.ok", role: .cancel) {}
        } message: { presented in
            Text(presented.message)
        }
    }
}
