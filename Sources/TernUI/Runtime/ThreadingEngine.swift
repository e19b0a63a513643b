import MailCore
import MailEngine

/// Threads a folder's messages for the threaded list.
enum ThreadingEngine {
    /// Why threads cannot be shown in this build.
    static let unavailable = "this build of tern has no threading engine yet (MailCore Threading); showing date order"

    /// The layout of the threads of `rows` and the uid of each message index; nil when this build
    /// cannot thread.
    static func layout(_ rows: [ThreadingRow], newestFirst: Bool) -> (layout: any ThreadLayout, uids: [UID])? {
        nil
    }
}
