/// The steps of a download where tests inject failures, to show that a crash or a lost
/// connection at any of them loses no message and downloads none twice.
enum POP3DownloadStep: Sendable, Equatable {
    /// Logged in; nothing listed yet.
    case connected
    /// A batch's messages are recorded as pending; nothing written yet.
    case pendingRecorded(batch: Int)
    /// A chunk of message `message` (its position in the server's list) was written to `tmp/`.
    case receivedBytes(message: Int, total: Int)
    /// Message `message` is complete in `tmp/`, not yet fsynced or renamed.
    case messageWritten(message: Int)
    /// The complete messages of a batch are flushed to disk, not yet renamed.
    case batchFlushed(batch: Int)
    /// Message `message` is renamed into `new/`; `new/` is not flushed and nothing recorded yet.
    case messageCommitted(message: Int)
    /// A batch is recorded as downloaded.
    case batchRecorded(batch: Int)
    /// Every DELE was sent; QUIT not yet.
    case deletionsSent
    /// QUIT succeeded (the server deleted the messages); the state does not say so yet.
    case quitDone
}

/// A hook called at every ``POP3DownloadStep``; what it throws fails the download there.
///
/// Throwing ``SimulatedCrash`` stops the download as if the process had died: no cleanup, no
/// state written, the connection dropped without QUIT. Anything else takes the ordinary error path.
struct POP3DownloadFaults: Sendable {
    let hook: @Sendable (POP3DownloadStep) throws -> Void

    func check(_ step: POP3DownloadStep) throws {
        try hook(step)
    }
}

/// Thrown by a test's fault hook to stand for the process dying at that step.
struct SimulatedCrash: Error, Equatable {
    let step: POP3DownloadStep
}
