import Foundation
import MailStore
import POP3
import Transport

/// A message that reached the Maildir.
struct CommittedMessage: Sendable {
    var message: PlannedMessage
    /// The unique part of its Maildir name.
    var maildirUnique: String
    /// Its size in the Maildir.
    var size: Int
}

/// How one batch went.
struct BatchOutcome: Sendable {
    /// Messages safe in the Maildir and recorded.
    var committed: [CommittedMessage] = []
    /// Messages the server answered `-ERR` to.
    var refused: [(PlannedMessage, POP3ServerError)] = []
}

/// A batch whose messages came in (the complete ones written to `tmp/`), on its way to
/// ``POP3Downloader/secureBatch(_:)``.
///
/// It moves from the receiving task to the task that secures it and is never used by both at
/// once, hence `@unchecked Sendable` (its writers are not thread-safe).
struct ReceivedBatch: @unchecked Sendable {
    let index: Int
    let batch: [PlannedMessage]
    let writers: [MaildirMessageWriter]
    let receiver: BatchReceiver
    /// What ended the retrieval early, if anything (the messages before it are still secured).
    let failure: (any Error)?
}

extension POP3Downloader {
    /// The first half of a batch:
    ///
    /// 1. the batch is recorded `pending` with the Maildir names its messages will get;
    /// 2. pipelined RETRs stream each message into its `tmp/` file.
    ///
    /// A failure of the connection is kept in the result rather than thrown, so that the
    /// messages received whole before it are still secured.
    func receiveBatch(
        _ batch: [PlannedMessage], index: Int, session: POP3Connection, counter: ProgressCounter
    ) async throws -> ReceivedBatch {
        var writers: [MaildirMessageWriter] = []
        do {
            for _ in batch { writers.append(MaildirMessageWriter(delivery: try maildir.beginDelivery())) }
        } catch {
            writers.forEach { $0.abort() }
            throw error
        }
        let pending = zip(batch, writers).compactMap { message, writer in
            message.uniqueID.map {
                POP3PendingDownload(uniqueID: $0, maildirUnique: writer.delivery.unique, serverSize: message.size)
            }
        }
        let receiver = BatchReceiver(batch: batch, writers: writers, faults: faults, counter: counter)
        var failure: (any Error)?
        do {
            try state.recordPending(pending)
            try faults?.check(.pendingRecorded(batch: index))
            try await session.retrieve(batch.map(\.number), depth: options.pipelineDepth) { event in
                try receiver.handle(event)
            }
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            failure = error
        }
        return ReceivedBatch(index: index, batch: batch, writers: writers, receiver: receiver, failure: failure)
    }

    /// The second half of a batch, which may run while the next batch is received:
    ///
    /// 3. the complete files are flushed to disk together (``ParallelFlush``), renamed into
    ///    `new/`, and `new/` is flushed once;
    /// 4. the batch is recorded `downloaded` in one durable transaction.
    ///
    /// The messages that did not come whole are removed from `tmp/` and forgotten; then the
    /// retrieval's failure, if any, is thrown.
    func secureBatch(_ received: ReceivedBatch) async throws -> BatchOutcome {
        var failure = received.failure
        var outcome = BatchOutcome(refused: received.receiver.refused)
        var durable = false
        do {
            try await makeSafe(received.receiver.written, batch: received.index, committed: &outcome.committed)
            durable = true
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            failure = failure ?? error
            // What was renamed counts only once new/ is on disk; else the pending records let
            // the next run look for the files.
            durable = (try? maildir.syncSubfolder(.new)) != nil
        }
        let committedIDs = Set(outcome.committed.map(\.maildirUnique))
        let dropped = zip(received.batch, received.writers).filter { !committedIDs.contains($0.1.delivery.unique) }
        for (_, writer) in dropped { writer.abort() }

        if let failure {
            if durable { try? record(outcome) }
            try? state.forget(dropped.map(\.0).filter { message in
                !outcome.refused.contains { $0.0 == message }
            }.compactMap(\.uniqueID))
            throw failure
        }
        try record(outcome)
        try faults?.check(.batchRecorded(batch: received.index))
        return outcome
    }

    /// Gives up on a received batch (when an earlier batch could not be secured): its files are
    /// removed and its pending records forgotten, so the next run downloads it again.
    func discard(_ received: ReceivedBatch) {
        received.writers.forEach { $0.abort() }
        try? state.forget(received.batch.compactMap(\.uniqueID))
    }

    /// Flushes the written messages to disk together, renames each into `new/` and flushes
    /// `new/`, appending each renamed one to `committed`.
    private func makeSafe(
        _ written: [WrittenMessage], batch: Int, committed: inout [CommittedMessage]
    ) async throws {
        guard !written.isEmpty else { return }
        try await ParallelFlush.flush(written.map(\.writer.delivery))
        try faults?.check(.batchFlushed(batch: batch))
        for item in written {
            let delivery = item.writer.delivery
            try delivery.commit(syncFolder: false)
            committed.append(CommittedMessage(message: item.message, maildirUnique: delivery.unique, size: item.size))
            try faults?.check(.messageCommitted(message: item.message.number))
        }
        try maildir.syncSubfolder(.new)
    }

    /// Marks the committed messages downloaded and forgets the refused ones, durably.
    private func record(_ outcome: BatchOutcome) throws {
        try state.markDownloaded(
            outcome.committed.compactMap { item in item.message.uniqueID.map { ($0, item.size) } }, at: now())
        try state.forget(outcome.refused.compactMap(\.0.uniqueID))
    }
}

/// A message whose text is complete in its `tmp/` file.
struct WrittenMessage {
    var message: PlannedMessage
    var writer: MaildirMessageWriter
    /// Its size in the Maildir.
    var size: Int
}

/// Writes the messages of one batch as ``POP3Connection/retrieve(_:depth:_:)`` streams them.
///
/// Not thread-safe, and it need not be: the connection calls the handler for one event at a
/// time, in order, from the download's task.
final class BatchReceiver: @unchecked Sendable {
    private let batch: [PlannedMessage]
    private let writers: [MaildirMessageWriter]
    private let faults: POP3DownloadFaults?
    private let counter: ProgressCounter
    /// The position in the batch of the message being received or next to come.
    private var position = 0
    /// Messages complete in `tmp/`, in order.
    private(set) var written: [WrittenMessage] = []
    /// Messages the server refused.
    private(set) var refused: [(PlannedMessage, POP3ServerError)] = []

    init(batch: [PlannedMessage], writers: [MaildirMessageWriter], faults: POP3DownloadFaults?,
         counter: ProgressCounter) {
        self.batch = batch
        self.writers = writers
        self.faults = faults
        self.counter = counter
    }

    func handle(_ event: POP3RetrievalEvent) throws {
        guard position < batch.count else {
            preconditionFailure("BatchReceiver: more answers than messages in the batch")
        }
        let message = batch[position]
        let writer = writers[position]
        switch event {
        case .begin:
            break
        case .bytes(let chunk):
            try writer.append(chunk)
            try faults?.check(.receivedBytes(message: message.number, total: writer.receivedCount))
        case .end:
            let size = try writer.finishWriting()
            written.append(WrittenMessage(message: message, writer: writer, size: size))
            try faults?.check(.messageWritten(message: message.number))
            counter.messageDone(bytes: writer.receivedCount)
            position += 1
        case .failed(_, let error):
            writer.abort()
            refused.append((message, error))
            counter.messageDone(bytes: 0)
            position += 1
        }
    }
}
