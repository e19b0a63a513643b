import MailEngine

/// How the interactive client's IMAP syncs run: behind a list that is already on screen, so they
/// keep less in memory at once than `tern sync`, which has nothing else to do.
///
/// A cold start on a folder of 100,000 messages (benchui, release build, one malloc arena; see
/// ``AllocatorTuning``; keys and opening a message after the sync) peaked at 60.7 MB with the
/// library's defaults (three connections, cache transactions of 4,096 rows with up to twice that
/// queued), 55.5 to 55.9 MB with transactions of 2,048 rows, 53.4 MB with 1,024, 52.1 to 52.5 MB
/// with one connection and 2,048 rows, and 49.4 to 49.8 MB with one connection and 1,024 rows,
/// the first sync taking 10 to 12 s instead of 9 to 10 s (load 3 to 4 on two cores, the list
/// usable all along). What a first sync holds is the rows queued for the cache writer (each a few
/// hundred bytes of strings and arrays), the fetches in flight on each connection and their TLS
/// buffers.
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
        // The first search finds the full-text index ready (the sync leaves it for later).
        result.indexTextAfterSync = true
        return result
    }
}
