import Foundation
import MailStore

/// One message of the server's listing.
struct PlannedMessage: Sendable, Equatable {
    /// Its number in this session (RFC 1939 §4).
    var number: Int
    /// Its UIDL, or nil when the server has none.
    var uniqueID: String?
    /// Its size from LIST, if listed.
    var size: Int?
}

/// The server's messages as LIST and UIDL gave them, in message-number order.
struct POP3Listing: Sendable, Equatable {
    var messages: [PlannedMessage]
    /// False when the server answered `-ERR` to UIDL.
    var hasUniqueIDs: Bool
}

/// What a run will do with each listed message: download it, delete it (downloaded before and
/// now due), or leave it.
struct POP3DownloadPlan: Sendable, Equatable {
    /// Messages to download, in server order.
    var downloads: [PlannedMessage] = []
    /// Messages downloaded by an earlier run and now due for deletion.
    var deletions: [PlannedMessage] = []
    /// True when messages downloaded in this run are deleted at its end (not kept, or kept for
    /// zero days).
    var deletesNewDownloads: Bool
    /// Unique ids the server gave to more than one message: never deleted, since tern cannot
    /// tell which of them it has.
    var protectedIDs: Set<String> = []
    /// Listed messages already downloaded.
    var alreadyDownloaded = 0
    /// For the user.
    var warnings: [String] = []

    /// Sorts the listing against the records.
    ///
    /// - Parameters:
    ///   - listing: The server's messages.
    ///   - records: The state, after interrupted downloads were resolved (no `pending` left).
    ///   - options: Keeping mail on the server.
    ///   - now: The time to compare `keep_days` against.
    init(listing: POP3Listing, records: [String: POP3StateRecord], options: POP3DownloadOptions, now: Date) {
        let delay = options.deletionDelay
        deletesNewDownloads = delay.map { $0 <= .zero } ?? false
        guard listing.hasUniqueIDs else {
            downloads = listing.messages
            return
        }
        var counts: [String: Int] = [:]
        for message in listing.messages {
            if let id = message.uniqueID { counts[id, default: 0] += 1 }
        }
        protectedIDs = Set(counts.filter { $0.value > 1 }.keys)
        var planned: Set<String> = []
        var missingIDs = 0
        for message in listing.messages {
            guard let id = message.uniqueID else {
                missingIDs += 1
                continue
            }
            if let record = records[id], record.status == .downloaded {
                alreadyDownloaded += 1
                if protectedIDs.contains(id) { continue }
                if let delay, (record.downloadedAt ?? now).addingTimeInterval(delay.timeInterval) <= now {
                    deletions.append(message)
                }
                continue
            }
            // A repeated id is downloaded once; its other copies are left alone.
            if planned.insert(id).inserted { downloads.append(message) }
        }
        if !protectedIDs.isEmpty {
            let copies = protectedIDs.reduce(0) { $0 + (counts[$1] ?? 0) }
            warnings.append("The server gave the same UIDL to several messages (\(copies) messages share"
                + " \(protectedIDs.count) ids). tern downloads one of each and deletes none of them from the server.")
        }
        if missingIDs > 0 {
            warnings.append("The server listed \(missingIDs) messages in LIST but not in UIDL; they were left"
                + " on the server.")
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    fileprivate var timeInterval: TimeInterval {
        let (whole, fraction) = components
        return TimeInterval(whole) + TimeInterval(fraction) / 1e18
    }
}
