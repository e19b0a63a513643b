import Foundation
import MailCore
import MailStore

/// A message in an account's outbox, as the UI lists it (MailStore's ``OutboxEntry``).
public typealias QueuedMessage = OutboxEntry

/// What the user does with the messages in an outbox, apart from sending them (``OutboxSender``):
/// retry one now, delete one, or take one back into the composer.
///
/// Every change holds the outbox's lock, so it never races a send of the same message by this or
/// another tern process.
public struct OutboxQueue: Sendable {
    /// The outbox.
    public let outbox: Outbox
    /// How long to wait for a send in progress to let go of the outbox.
    public var lockWait: Duration

    /// The queue of `outbox`.
    public init(outbox: Outbox, lockWait: Duration = .seconds(10)) {
        self.outbox = outbox
        self.lockWait = lockWait
    }

    /// Why an outbox message cannot be acted on.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// What is wrong and what to do.
        public let description: String
    }

    /// The messages (oldest first), with one line per problem of the folder (an entry that
    /// cannot be read, a message file without its entry).
    ///
    /// - Throws: `OutboxError` or `MaildirError` when the folder cannot be read.
    public func listing() throws -> (messages: [QueuedMessage], problems: [String]) {
        let listing = try outbox.listing()
        let problems = listing.damaged + listing.orphans.map { "a message without its entry (never sent on its own): \($0)" }
        return (listing.entries, problems)
    }

    /// Makes message `id` due now: a failed one is queued again (its attempts kept), a queued one
    /// loses its wait, a sent one gets its Sent copy retried. The caller then flushes the outbox.
    ///
    /// - Returns: the entry as saved.
    /// - Throws: ``Refusal`` when it is gone; `OutboxError` when the outbox is busy or the disk refuses.
    @discardableResult
    public func retry(_ id: String) async throws -> QueuedMessage {
        let lock = try await outbox.lock(wait: lockWait)
        defer { lock.release() }
        var entry = try current(id)
        if entry.status == .failed { entry.status = .queued }
        if entry.note == Self.heldNote { entry.note = nil }
        entry.nextAttempt = nil
        try outbox.save(entry)
        return entry
    }

    /// Removes message `id` from the outbox without sending it.
    ///
    /// - Returns: the entry removed.
    /// - Throws: ``Refusal`` when it is gone; `OutboxError` when the outbox is busy or the disk refuses.
    @discardableResult
    public func delete(_ id: String) async throws -> QueuedMessage {
        let lock = try await outbox.lock(wait: lockWait)
        defer { lock.release() }
        let entry = try current(id)
        try outbox.remove(entry)
        return entry
    }

    /// Takes message `id` back for editing: holds it (status failed, with a note saying so, so that
    /// no flush sends it meanwhile) and returns its bytes with its Bcc recipients. The edited
    /// message replaces it once queued (``delete(_:)`` of the held one); if the edit is abandoned,
    /// it stays held in the outbox, where retry sends it as it was.
    ///
    /// - Returns: the message's bytes and the entry as held.
    /// - Throws: ``Refusal`` when it is gone or was sent already; `OutboxError` otherwise.
    public func holdForEditing(_ id: String) async throws -> (bytes: [UInt8], entry: QueuedMessage) {
        let lock = try await outbox.lock(wait: lockWait)
        defer { lock.release() }
        var entry = try current(id)
        guard entry.status != .sentCopyPending else {
            throw Refusal(description: "this message was sent already (only its Sent copy is pending); it cannot be edited")
        }
        let bytes = try outbox.message(of: entry)
        entry.status = .failed
        entry.nextAttempt = nil
        entry.note = Self.heldNote
        try outbox.save(entry)
        return (bytes, entry)
    }

    /// The note of a message held while it is edited.
    public static let heldNote = "held while it is edited in the composer; retrying sends it as it was (r in the outbox view, `tern outbox retry ID`)"

    private func current(_ id: String) throws -> QueuedMessage {
        guard let entry = try outbox.entries().first(where: { $0.id == id }) else {
            throw Refusal(description: "the message \(id) is no longer in the outbox (sent or deleted meanwhile)")
        }
        return entry
    }
}
