import MailEngine

/// How the interactive client's IMAP syncs run: behind a list that is already on screen, so they
/// keep less in memory at once than `tern sync`, which has nothing else to do.
///
/// A cold start on a folder of 100,000 messages (benchui, release build, one malloc arena; see
/// ``AllocatorTuning``) peaked at 60.7 MB with the library's defaults (three connections, cache
/// transactions of 4,096 rows with up to twice that queued) and at 49.7 MB with one connection
/// and transactions of 1,024 rows (55.7 MB with two connections and 2,048 rows), the first sync
/// taking 10 to 12 s instead of 9 to 10 s: the rows queued for the cache writer (each a few
/// hundred bytes of strings and arrays), the fetches in flight on the helper connections and
/// their TLS buffers are what a first sync holds.
enum InteractiveSync {
    /// Cache transactions of this many rows (at most twice that wait for the writer).
    static let writeBatchRows = 1024
    /// Connections a large first sync fetches on.
    static let fetchConnections = 1

    /// `options` with the interactive client's sizes.
    static func options(_ options: IMAPBackendOptions) -> IMAPBackendOptions {
        var result = options
        result.writeBatchRows = writeBatchRows
        result.fetchConnections = fetchConnections
        return result
    }
}
