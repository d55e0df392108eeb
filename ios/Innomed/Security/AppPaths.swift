import Foundation

/// Where the app keeps its files. The core's encrypted stores live in the App Group container
/// so that the notification service extension can open them too.
public enum AppPaths {
    public static let appGroup = "group.fr.innomed"

    /// The core's data folder (encrypted stores, one per account and device).
    public static var coreData: URL {
        let base = FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: appGroup)
            ?? FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        return base.appendingPathComponent("Innomed", isDirectory: true)
    }

    /// Camera photos not yet handed to the core (app only, not shared with the extension).
    public static var pendingPhotos: URL {
        FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
            .appendingPathComponent("PendingPhotos", isDirectory: true)
    }

    /// Closure reports (JSON and PDF), written by the core on this device only.
    public static var reports: URL {
        FileManager.default.urls(for: .documentDirectory, in: .userDomainMask)[0]
            .appendingPathComponent("Comptes-rendus", isDirectory: true)
    }

    /// Creates `url` if needed, out of backups, protected until the first unlock after boot
    /// (the SQLite stores must stay writable when the phone locks with the app in background).
    public static func makePrivateDirectory(_ url: URL) throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: url.path) {
            try fileManager.createDirectory(
                at: url, withIntermediateDirectories: true,
                attributes: [.protectionKey: FileProtectionType.completeUntilFirstUserAuthentication])
        }
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var mutable = url
        try mutable.setResourceValues(values)
    }
}
