import Foundation
import MailStore
import POP3
import Transport

/// Downloads the mail of a POP3 server into a local Maildir, safely (RFC 1939).
///
/// For each message the server lists and the state database does not know, in batches:
///
/// 1. the batch is recorded `pending` in ``POP3StateStore`` with the Maildir names its messages
///    will get (one transaction);
/// 2. each message is streamed by RETR (pipelined when the server offers PIPELINING) into a
///    `tmp/` file, CRLF turned into LF, then fsynced and renamed into `new/`;
/// 3. the batch is recorded `downloaded` (one durable transaction);
/// 4. only then, and unless the account keeps mail on the server, its messages are marked with
///    DELE; QUIT at the end deletes them.
///
/// A run that dies anywhere loses nothing (nothing is deleted before it is on disk and recorded)
/// and the next run downloads nothing twice: a `pending` record whose file is in `new/` or
/// `cur/` is marked downloaded, one whose file is not is forgotten and downloaded again. A
/// server without UIDL is handled by downloading everything and deleting it (with a warning).
public struct POP3Downloader: Sendable {
    /// The server, security and credentials.
    public let settings: Transport.POP3Settings
    /// The Maildir the messages go to (the account's inbox).
    public let maildir: Maildir
    /// What was downloaded before.
    public let state: POP3StateStore
    /// Keeping mail on the server, pipelining, batch size.
    public let options: POP3DownloadOptions

    /// Test hook: fails the download at chosen steps.
    var faults: POP3DownloadFaults?
    /// The clock (tests move it to check `keep_days`).
    var now: @Sendable () -> Date = { Date() }

    /// A downloader; nothing happens until ``run(trace:progress:)``.
    public init(settings: Transport.POP3Settings, maildir: Maildir, state: POP3StateStore,
                options: POP3DownloadOptions) {
        self.settings = settings
        self.maildir = maildir
        self.state = state
        self.options = options
    }

    /// Downloads every new message, then deletes from the server what is due.
    ///
    /// - Parameters:
    ///   - trace: Where to record the POP3 dialogue (passwords hidden), or nil.
    ///   - progress: Called after each message (and once before the first) from the download's task.
    /// - Returns: What was downloaded and deleted, with warnings.
    /// - Throws: `TransportError`, `AuthenticationFailure`, `StartTLSError`, `POP3ProtocolError`,
    ///   `MaildirError`, ``POP3StateError`` (`.busy` when another process downloads the same
    ///   account), ``POP3DownloadError``, `CancellationError`. Whatever
    ///   the error, no message was deleted from the server that is not safe on disk and recorded.
    public func run(
        trace: ProtocolTrace? = nil, progress: @escaping @Sendable (POP3DownloadProgress) -> Void = { _ in }
    ) async throws -> POP3DownloadReport {
        var report = POP3DownloadReport()
        try Maildir.create(at: maildir.directory)
        // An in-memory state (tests) has no file to lock beside it.
        let lock = state.path == ":memory:" ? nil : try POP3DownloadLock(statePath: state.path)
        defer { lock?.release() }
        report.recovered = try recoverInterruptedDownloads()
        let session = try await POP3Connection.connect(settings, trace: trace)
        do {
            try faults?.check(.connected)
            try await download(with: session, report: &report, progress: progress)
        } catch {
            // No QUIT: the server deletes nothing marked in this session.
            await session.close()
            throw error
        }
        return report
    }

    /// Everything after the login: listing, batches, deletions, QUIT.
    private func download(
        with session: POP3Connection, report: inout POP3DownloadReport,
        progress: @escaping @Sendable (POP3DownloadProgress) -> Void
    ) async throws {
        let listing = try await listMessages(session)
        report.listed = listing.messages.count
        if !listing.hasUniqueIDs {
            if options.keepOnServer {
                throw POP3DownloadError(.keepingNeedsUIDL, server: "\(settings.host):\(settings.port)")
            }
            report.warnings.append(
                "The server \(settings.host) does not support UIDL: every message is downloaded and then deleted"
                    + " from the server. If a sync is interrupted before it ends, the next one may download some"
                    + " messages twice.")
        }
        let plan = try POP3DownloadPlan(listing: listing, records: state.records(), options: options, now: now())
        report.alreadyDownloaded = plan.alreadyDownloaded
        report.warnings += plan.warnings

        let counter = ProgressCounter(
            POP3DownloadProgress(messages: 0, totalMessages: plan.downloads.count, bytes: 0,
                                 totalBytes: plan.downloads.reduce(0) { $0 + ($1.size ?? 0) }),
            report: progress)
        var deletions = plan.deletions
        func collect(_ outcome: BatchOutcome) {
            report.downloaded += outcome.committed.count
            report.downloadedBytes += outcome.committed.reduce(0) { $0 + $1.size }
            report.newMessages += outcome.committed.map(\.maildirUnique)
            report.failed += outcome.refused.count
            report.warnings += outcome.refused.map { message, error in
                "The server refused to send message \(message.number) (\(error.message)); it stays on the server."
            }
            if plan.deletesNewDownloads {
                deletions += outcome.committed.map(\.message).filter { !plan.protectedIDs.contains($0.uniqueID ?? "") }
            }
        }
        // While one batch is flushed to disk and recorded, the next one is received: the disk's
        // latency hides behind the network's. At most one batch is being secured at a time.
        var securing: Task<BatchOutcome, any Error>?
        var batchStart = 0
        var batchIndex = 0
        do {
            while batchStart < plan.downloads.count {
                try Task.checkCancellation()
                let end = min(batchStart + options.batchSize, plan.downloads.count)
                let received = try await receiveBatch(Array(plan.downloads[batchStart..<end]), index: batchIndex,
                                                      session: session, counter: counter)
                if let previous = securing {
                    securing = nil
                    do {
                        collect(try await previous.value)
                    } catch {
                        if !(error is SimulatedCrash) { discard(received) }
                        throw error
                    }
                }
                if received.failure != nil {
                    collect(try await secureBatch(received))  // throws the failure once secured
                } else {
                    securing = Task { try await secureBatch(received) }
                }
                batchStart = end
                batchIndex += 1
            }
            if let previous = securing {
                securing = nil
                collect(try await previous.value)
            }
        } catch {
            // A batch still being secured finishes first: what it makes safe is kept, and no
            // task outlives the download.
            if let previous = securing { _ = try? await previous.value }
            throw error
        }
        try await finish(session, deleting: deletions, listing: listing, report: &report)
    }

    /// DELE for what is due, QUIT, and the state brought up to date.
    private func finish(
        _ session: POP3Connection, deleting deletions: [PlannedMessage], listing: POP3Listing,
        report: inout POP3DownloadReport
    ) async throws {
        var refused: [Int: POP3ServerError] = [:]
        if !deletions.isEmpty {
            refused = try await session.dele(deletions.map(\.number))
            for (number, error) in refused.sorted(by: { $0.key < $1.key }) {
                report.warnings.append("The server refused to delete message \(number) (\(error.message)).")
            }
        }
        try faults?.check(.deletionsSent)
        do {
            try await session.quit()
        } catch let error as POP3ServerError {
            // RFC 1939 §6: -ERR to QUIT means some marked messages were not removed. They are
            // recorded as downloaded, so the next sync deletes them without downloading again.
            report.warnings.append("The server could not delete the downloaded messages (\(error.message));"
                + " the next sync tries again.")
            report.leftOnServer = report.listed
            return
        }
        try faults?.check(.quitDone)
        let deleted = deletions.filter { refused[$0.number] == nil }
        report.deletedFromServer = deleted.count
        report.leftOnServer = report.listed - deleted.count
        if listing.hasUniqueIDs {
            try state.markDeletedOnServer(deleted.compactMap(\.uniqueID))
            try state.prune(keeping: Set(listing.messages.compactMap(\.uniqueID)))
        }
    }

    /// LIST and UIDL; a `-ERR` to UIDL means the server has none.
    private func listMessages(_ session: POP3Connection) async throws -> POP3Listing {
        var sizes: [Int: Int] = [:]
        for entry in try await session.list() { sizes[entry.messageNumber] = entry.size }
        let ids: [POP3UniqueIDEntry]
        do {
            ids = try await session.uidl()
        } catch is POP3ServerError {
            return POP3Listing(
                messages: sizes.keys.sorted().map { PlannedMessage(number: $0, uniqueID: nil, size: sizes[$0]) },
                hasUniqueIDs: false)
        }
        var idsByNumber: [Int: String] = [:]
        for entry in ids { idsByNumber[entry.messageNumber] = entry.uniqueID.value }
        // LIST and UIDL should name the same messages; a message only one of them names is kept
        // (without an id it is left on the server).
        let numbers = Set(sizes.keys).union(idsByNumber.keys).sorted()
        let messages = numbers.map { PlannedMessage(number: $0, uniqueID: idsByNumber[$0], size: sizes[$0]) }
        return POP3Listing(messages: messages, hasUniqueIDs: true)
    }
}

/// Counts progress across the batches and reports it.
final class ProgressCounter: @unchecked Sendable {
    // Used by one task at a time: the download's, through the serial retrieve handler.
    private(set) var current: POP3DownloadProgress
    private let report: @Sendable (POP3DownloadProgress) -> Void

    init(_ start: POP3DownloadProgress, report: @escaping @Sendable (POP3DownloadProgress) -> Void) {
        self.current = start
        self.report = report
        report(start)
    }

    func messageDone(bytes: Int) {
        current.messages += 1
        current.bytes += bytes
        report(current)
    }
}
