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

extension POP3Downloader {
    /// Downloads one batch: pending records, pipelined RETR into `tmp/` files, commit of each
    /// into `new/`, then one durable record of what is safe.
    func downloadBatch(
        _ batch: [PlannedMessage], index: Int, session: POP3Connection, counter: ProgressCounter
    ) async throws -> BatchOutcome {
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
        do {
            try state.recordPending(pending)
            try faults?.check(.pendingRecorded(batch: index))
            try await session.retrieve(batch.map(\.number), depth: options.pipelineDepth) { event in
                try receiver.handle(event)
            }
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            // What is safe in new/ is recorded now; the rest is removed and forgotten, to be
            // downloaded again. If even this fails, the pending records let the next run sort it out.
            receiver.abortUnfinished()
            try? record(receiver.outcome)
            try? state.forget(receiver.unfinished.compactMap(\.uniqueID))
            throw error
        }
        try record(receiver.outcome)
        try faults?.check(.batchRecorded(batch: index))
        return receiver.outcome
    }

    /// Marks the committed messages downloaded and forgets the refused ones, durably.
    private func record(_ outcome: BatchOutcome) throws {
        try state.markDownloaded(
            outcome.committed.compactMap { item in item.message.uniqueID.map { ($0, item.size) } }, at: now())
        try state.forget(outcome.refused.compactMap(\.0.uniqueID))
    }
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
    private var finished: [Bool]
    private(set) var outcome = BatchOutcome()

    init(batch: [PlannedMessage], writers: [MaildirMessageWriter], faults: POP3DownloadFaults?,
         counter: ProgressCounter) {
        self.batch = batch
        self.writers = writers
        self.faults = faults
        self.counter = counter
        self.finished = Array(repeating: false, count: batch.count)
    }

    /// The messages neither committed nor refused.
    var unfinished: [PlannedMessage] {
        zip(batch, finished).filter { !$0.1 }.map(\.0)
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
            try faults?.check(.messageWritten(message: message.number))
            let size = try writer.commit()
            finished[position] = true
            outcome.committed.append(CommittedMessage(message: message, maildirUnique: writer.delivery.unique,
                                                      size: size))
            try faults?.check(.messageCommitted(message: message.number))
            counter.messageDone(bytes: writer.receivedCount)
            position += 1
        case .failed(_, let error):
            writer.abort()
            finished[position] = true
            outcome.refused.append((message, error))
            counter.messageDone(bytes: 0)
            position += 1
        }
    }

    /// Removes the `tmp/` files of every message not committed.
    func abortUnfinished() {
        for (writer, done) in zip(writers, finished) where !done { writer.abort() }
    }
}
