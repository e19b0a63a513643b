import MailCore

/// Syncs every folder of an account's backend, one after the other: `tern sync` of a Maildir
/// account (what other programs changed on disk reaches the header cache) and the local part of
/// a POP3 account's sync.
public enum AccountSync {
    /// What a sync of every folder changed.
    public struct Report: Sendable, Equatable {
        /// How many folders were synced.
        public var folders = 0
        /// Messages new to the cache.
        public var added = 0
        /// Messages gone from the disk or server.
        public var removed = 0
        /// Messages whose flags changed.
        public var flagsChanged = 0
        /// The folders' warnings, each prefixed with its folder.
        public var warnings: [String] = []

        /// An empty report.
        public init() {}

        /// One line for the user, e.g. `4 folders synced: 12 new, 1 gone, 3 with changed flags`.
        public var summary: String {
            let noun = folders == 1 ? "folder" : "folders"
            var changes: [String] = []
            if added > 0 { changes.append("\(added) new") }
            if removed > 0 { changes.append("\(removed) gone") }
            if flagsChanged > 0 { changes.append("\(flagsChanged) with changed flags") }
            return "\(folders) \(noun) synced: " + (changes.isEmpty ? "no changes" : changes.joined(separator: ", "))
        }
    }

    /// Syncs every folder `backend.folders()` lists.
    ///
    /// - Throws: The first folder's error that stops the sync (`BackendError`, `CacheError`, ...).
    public static func run(_ backend: any MailBackend) async throws -> Report {
        var report = Report()
        for folder in try await backend.folders() {
            let result = try await backend.sync(folder.path)
            report.folders += 1
            report.added += result.added
            report.removed += result.removed
            report.flagsChanged += result.flagsChanged
            report.warnings += result.warnings.map { "\(folder.path): \($0)" }
        }
        return report
    }
}
