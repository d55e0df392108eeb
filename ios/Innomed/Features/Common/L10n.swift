import Foundation

/// Localised strings from Localizable.strings (French first, English).
enum L10n {
    static func string(_ key: String) -> String {
        NSLocalizedString(key, comment: "")
    }

    static func format(_ key: String, _ arguments: CVarArg...) -> String {
        String(format: string(key), locale: Locale.current, arguments: arguments)
    }

    /// The language the interface is shown in: `fr` or `en`.
    static var languageCode: String {
        Bundle.main.preferredLocalizations.first == "en" ? "en" : "fr"
    }
}
