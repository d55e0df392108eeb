import InnomedServices
import SwiftUI

/// An error in words the doctor can act on, in a row under the content.
struct ErrorBanner: View {
    let error: ServiceError

    var body: some View {
        Label(error.message, systemImage: "exclamationmark.triangle.fill")
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
