import IMAP

/// How a sync asks the server for the header fields of its message-list rows.
///
/// Dovecot keeps the header fields clients fetched in its cache file and answers
/// `BODY.PEEK[HEADER.FIELDS (...)]` from it without opening the message files; fields it does not
/// hold yet are parsed out of every file and added to its cache first, which costs it about twice
/// what sending the whole header costs. Measured on a Dovecot 2.3 Maildir folder of 102,000
/// messages, one connection, the files in the page cache: the fields took 8.6 s with the cache
/// empty and 1.8 s with it filled; the whole header 3.5-4.4 s either way (it is never cached).
public enum HeaderFetch: String, Sendable, Hashable, CaseIterable, Codable {
    /// Whichever request is quicker on this server now: a large first sync times both on samples
    /// spread over the folder (``HeaderFetchProbe``) and fetches the rest the quicker way.
    case automatic
    /// `BODY.PEEK[HEADER.FIELDS (...)]` (RFC 9051 §6.4.5): only the fields a row needs.
    case fields
    /// `BODY.PEEK[HEADER]`: the whole header section; tern keeps the fields a row needs.
    case whole
}

/// The measurement behind ``HeaderFetch/automatic``: which UIDs to time, and the choice.
enum HeaderFetchProbe {
    /// Messages in each timed sample: enough that the server's work per message shows through
    /// what every command costs, and the other connections busy at the same time. With 250, a
    /// cold Dovecot took 24-26 ms for either way (the whole header then took 4.9 s for the whole
    /// folder, the fields 6.1 s).
    static let sampleSize = 1000
    /// Samples taken, alternating fields and whole header (two of each, so that neither pays
    /// alone for a moment the machine or the server was busy elsewhere, or for what a server does
    /// once per session: Dovecot reads its Maildir's UID list the first time it needs a file).
    /// The second pair is skipped when the first clearly favours the whole header
    /// (``wholeIsClearlyQuicker(fields:whole:)``).
    static let samples = 4

    /// `count` runs of `size` consecutive UIDs of `set`, spread over it: run `g` starts at position
    /// `g * n / count + offset`. Consecutive messages, as the bulk of the sync fetches them (a
    /// server reads its cache and files in order; scattered UIDs cost it more per message and
    /// would not tell the two apart). The offset (random by default, below the room between runs)
    /// keeps a later sync from timing the very messages an earlier one fetched, whose fields the
    /// server may have cached then. Empty runs when the set is too small to sample.
    static func samples(of set: SequenceSet, count: Int = samples, size: Int = sampleSize,
                        offset: Int? = nil) -> [[UInt32]] {
        let total = set.count
        guard !set.containsStar, count > 0, size > 0, total >= count * size * 2 else { return Array(repeating: [], count: max(count, 0)) }
        let room = total / count - size
        let shift = min(max(offset ?? Int.random(in: 0 ... room), 0), room)
        var runs = Array(repeating: [UInt32](), count: count)
        var position = 0
        var run = 0
        var next = shift
        for range in set.normalized().ranges {
            let length = Int(range.upperBound - range.lowerBound) + 1
            while run < count, next < position + length {
                runs[run].append(range.lowerBound + UInt32(next - position))
                if runs[run].count == size {
                    run += 1
                    next = run * total / count + shift
                } else {
                    next += 1
                }
            }
            position += length
            if run == count { break }
        }
        return runs
    }

    /// The quicker request, from the times of each sample of each kind: the whole header only when
    /// its quicker sample took at most nine tenths of the quicker sample of the fields (fewer
    /// bytes, and a server cache that fills for the next time, decide a close call). The quicker
    /// of two, so that one sample slowed by something else does not decide. The times include
    /// tern's own work on each message, the same either way: on a cold Dovecot, where the server's
    /// part alone is twice as quick for whole headers, the samples differed by 15-35%.
    static func choose(fields: [Duration], whole: [Duration]) -> HeaderFetch {
        guard let bestFields = fields.min(), let bestWhole = whole.min() else { return .fields }
        return bestWhole * 10 <= bestFields * 9 ? .whole : .fields
    }

    /// True when the first sample of each kind decides for the whole header: it took at most three
    /// quarters of the time of the fields (otherwise the other samples decide). The other connections wait
    /// while samples are timed; on a cold Dovecot (100,000 messages, 2 cores) the first pair took
    /// 55-68 ms by whole header against 77-103 ms by fields, and the second pair about the same.
    ///
    /// Never the fields this early: a whole-header sample slowed by something else (once in eight
    /// cold runs here) then made a sync fetch everything by fields, which costs a cold Dovecot
    /// twice as much (7.5 s against 5.2-5.7 s). The fields are chosen early only by a quick newest
    /// page (``QuickPage``), the sign of a server that has them cached.
    static func wholeIsClearlyQuicker(fields: Duration, whole: Duration) -> Bool {
        whole * 4 <= fields * 3
    }

    /// The newest page of a first sync (its header fields, by one FETCH), when it came in quicker
    /// than the `UID SEARCH ALL` after it, a round trip with little work. A server that had to read
    /// message files for it takes many times longer (Dovecot on a 100,000-message Maildir: 0.5-0.9 s
    /// against a 45 ms search, its first look at a file loading the folder's UID list); one that had
    /// the fields cached, less (16 ms). On a distant server both pay the round trip and the page
    /// its bytes too: it then rarely comes in first, and the samples decide as usual.
    ///
    /// Such a page shows only that the newest messages are cached (an earlier sync's newest page or
    /// samples may have cached just those). So the first sample (fields, at a random place) decides:
    /// about as quick per message, at most twice the page's time per message, and the rest is
    /// fetched by fields untimed. Timing the whole header too would cost the session that first look
    /// at a file (0.43 s on the folder above) with nothing to gain. A Dovecot that lacks the fields
    /// there reads files for that sample: 0.5 s for 1,000 against 53 ms when cached.
    struct QuickPage: Sendable, Equatable {
        var time: Duration
        var count: Int

        /// True when a sample of `count` messages by fields that took `sample` was at most twice as
        /// slow per message as the page.
        func matches(sample: Duration, count sampleCount: Int) -> Bool {
            guard count > 0, sampleCount > 0 else { return false }
            return sample * count <= time * sampleCount * 2
        }
    }
}
