import Foundation
import MailStore
import SMTP

/// The send pipeline of one account (ARCHITECTURE.md, "mail lost"):
///
/// 1. the message is written to the account's outbox (a Maildir, fsynced) with its envelope;
/// 2. it is submitted (SMTP or sendmail);
/// 3. on the server's 250 after DATA, its entry becomes "sent, Sent copy pending" (fsynced)
///    before anything else happens, so it is never submitted again;
/// 4. the Sent copy is stored; only then does the message leave the outbox.
///
/// A temporary failure (4yz, network, timeout) keeps it queued with the reason and a retry time
/// (``RetrySchedule``); a permanent one (5yz to the message) marks it failed with the server's
/// words. A problem of the account rather than the message (refused login, certificate, missing
/// STARTTLS, a password command that fails) keeps it queued without a retry time: an explicit
/// `tern outbox flush` tries again once the account is fixed, background retries do not (they
/// would only repeat a refused login).
///
/// The one unavoidable window: a crash after the server's 250 and before step 3's write leaves the
/// entry queued, and the next flush sends the message a second time. Likewise a connection lost
/// after the end of the data but before the reply leaves it queued (the server may or may not have
/// taken it): sending twice is preferred to losing it.
///
/// Every run holds the outbox's lock, so two tern processes never submit the same message.
public struct OutboxSender: Sendable {
    /// The account's name.
    public let account: String
    /// The account's outbox.
    public let outbox: Outbox
    /// How messages are handed over.
    public let transport: any MessageTransport
    /// Where Sent copies go.
    public let sentCopy: any SentCopyStore
    /// When temporary failures are retried.
    public var schedule: RetrySchedule
    /// How long to wait for another process's lock on the outbox.
    public var lockWait: Duration
    /// The clock (tests pin it).
    public var now: @Sendable () -> Date

    /// A pipeline from its parts.
    public init(account: String, outbox: Outbox, transport: any MessageTransport, sentCopy: any SentCopyStore,
                schedule: RetrySchedule = RetrySchedule(), lockWait: Duration = .seconds(60),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.account = account
        self.outbox = outbox
        self.transport = transport
        self.sentCopy = sentCopy
        self.schedule = schedule
        self.lockWait = lockWait
        self.now = now
    }

    /// Writes a message to the outbox, queued; nothing is sent.
    ///
    /// - Throws: ``OutboxError`` or `MaildirError` when the disk refuses (nothing is queued then).
    @discardableResult
    public func queue(_ message: OutgoingMessage, policy: SMTPRecipientPolicy = .all) throws -> OutboxEntry {
        try outbox.enqueue(message.bytes, OutboxSubmission(
            account: account, sender: message.sender, recipients: message.recipients, bcc: message.bcc,
            allowPartial: policy == .partial, subject: message.subject, messageID: message.messageID), now: now())
    }

    /// Queues a message and sends it now.
    ///
    /// - Returns: What happened; the message stays in the outbox unless it was sent and its Sent
    ///   copy stored.
    /// - Throws: ``OutboxError`` or `MaildirError` when it cannot be queued (nothing is sent), or
    ///   `OutboxError.busy` when another process holds the outbox longer than ``lockWait`` (the
    ///   message is then queued for that process or a later flush).
    public func send(_ message: OutgoingMessage, policy: SMTPRecipientPolicy = .all) async throws -> SendResult {
        // The lock comes first: a flush running elsewhere must not pick the new message up while
        // this call sends it.
        let lock: OutboxLock
        do {
            lock = try await outbox.lock(wait: lockWait)
        } catch let error as OutboxError {
            if case .busy = error { try queue(message, policy: policy) }
            throw error
        }
        defer { lock.release() }
        let entry = try queue(message, policy: policy)
        let results = await process([entry], dueOnly: false)
        return results.first ?? SendResult(entry: entry, outcome: .skipped("not processed"))
    }

    /// Tries every queued message and every pending Sent copy of the outbox, oldest first.
    ///
    /// - Parameter dueOnly: Only entries whose retry time has come (background retries); false for
    ///   `tern outbox flush`, which tries everything queued now.
    /// - Returns: One result per entry (failed entries are reported as skipped).
    public func flush(dueOnly: Bool = false) async throws -> [SendResult] {
        let lock = try await outbox.lock(wait: lockWait)
        defer { lock.release() }
        return await process(try outbox.entries(), dueOnly: dueOnly)
    }

    // MARK: - The pipeline

    private func process(_ entries: [OutboxEntry], dueOnly: Bool) async -> [SendResult] {
        var results: [SendResult] = []
        var session: (any SubmissionSession)?
        var brokenSession: SendFailure?
        for listed in entries {
            // Another process may have sent or changed it before we got the lock.
            guard let entry = try? outbox.reload(listed) else {
                results.append(SendResult(entry: listed, outcome: .skipped("no longer in the outbox")))
                continue
            }
            switch entry.status {
            case .failed:
                results.append(SendResult(entry: entry, outcome: .skipped("failed earlier: \(entry.lastError ?? "")")))
            case .sentCopyPending:
                if dueOnly, !entry.isDue(at: now()) {
                    results.append(SendResult(entry: entry, outcome: .skipped("Sent copy not due yet")))
                    continue
                }
                let (updated, copy) = await storeSentCopy(entry)
                results.append(SendResult(entry: updated, outcome: .sentCopyRetried(copy)))
            case .queued:
                if dueOnly, !entry.isDue(at: now()) {
                    results.append(SendResult(entry: entry, outcome: .skipped("not due yet")))
                    continue
                }
                if let brokenSession {
                    results.append(SendResult(entry: entry, outcome: .skipped("not tried: \(brokenSession)")))
                    continue
                }
                if session == nil {
                    do {
                        session = try await transport.openSession()
                    } catch {
                        brokenSession = error
                        results.append(record(error, for: entry))
                        continue
                    }
                }
                guard let open = session else { continue }
                let result = await submit(entry, through: open)
                if case .willRetry(let failure, _) = result.outcome, failure.endsSession { brokenSession = failure }
                if case .failed(let failure) = result.outcome, failure.endsSession { brokenSession = failure }
                results.append(result)
            }
        }
        await session?.close()
        return results
    }

    /// Submits one queued entry and, when accepted, records it as sent and makes the Sent copy.
    private func submit(_ entry: OutboxEntry, through session: any SubmissionSession) async -> SendResult {
        let bytes: [UInt8]
        do {
            bytes = try outbox.message(of: entry)
        } catch {
            return record(SendFailure(step: .outbox, message: "\(error)", isTransient: false, endsSession: false),
                          for: entry)
        }
        let message = OutgoingMessage(bytes: bytes, sender: entry.sender, recipients: entry.recipients, bcc: entry.bcc,
                                      subject: entry.subject, messageID: entry.messageID)
        switch await session.submit(message, policy: entry.allowPartial ? .partial : .all) {
        case .accepted(let receipt):
            var sent = entry
            sent.status = .sentCopyPending
            sent.attempts += 1
            sent.sentAt = now()
            sent.nextAttempt = nil
            sent.lastError = nil
            sent.lastErrorStep = nil
            sent.note = receipt.refusedRecipients.isEmpty ? nil
                : "not delivered to: " + receipt.refusedRecipients.joined(separator: "; ")
            // The record that it was accepted comes before anything else, so that it is never
            // submitted twice. If the disk refuses, try again briefly; the message went out.
            var saved = false
            for attempt in 0..<5 where !saved {
                if attempt > 0 { try? await Task.sleep(for: .milliseconds(200)) }
                saved = (try? outbox.save(sent)) != nil
            }
            guard saved else {
                let failure = SendFailure(
                    step: .outbox, message: "the server accepted the message, but the outbox could not record it; "
                        + "delete entry \(entry.id) with `tern outbox delete \(entry.id)` or it will be sent again",
                    isTransient: false, endsSession: false)
                return SendResult(entry: sent, outcome: .failed(failure))
            }
            let (updated, copy) = await storeSentCopy(sent)
            return SendResult(entry: updated, outcome: .sent(receipt, sentCopy: copy))
        case .failed(let failure):
            return record(failure, for: entry)
        }
    }

    /// Records a failed submission on the entry.
    private func record(_ failure: SendFailure, for entry: OutboxEntry) -> SendResult {
        var updated = entry
        updated.attempts += 1
        updated.lastError = failure.message
        updated.lastErrorStep = failure.step.rawValue
        let outcome: SendResult.Outcome
        if failure.isTransient {
            updated.status = .queued
            updated.nextAttempt = schedule.nextAttempt(after: updated.attempts, from: now())
            outcome = .willRetry(failure, at: updated.nextAttempt)
        } else if Self.isAccountProblem(failure.step) {
            // Not this message's fault: keep it queued for an explicit flush, no background retry.
            updated.status = .queued
            updated.nextAttempt = .distantFuture
            outcome = .willRetry(failure, at: nil)
        } else {
            updated.status = .failed
            updated.nextAttempt = nil
            outcome = .failed(failure)
        }
        try? outbox.save(updated)
        return SendResult(entry: updated, outcome: outcome)
    }

    /// Steps whose permanent failures come from the account or the server's setup.
    static func isAccountProblem(_ step: SendFailure.Step) -> Bool {
        switch step {
        case .credentials, .connect, .greeting, .startTLS, .authentication, .session, .sendmail: true
        case .checks, .mailFrom, .recipients, .data, .message, .outbox: false
        }
    }

    /// Stores the Sent copy of a sent entry and removes the entry when that worked.
    private func storeSentCopy(_ entry: OutboxEntry) async -> (OutboxEntry, SentCopyOutcome) {
        var updated = entry
        let bytes: [UInt8]
        do {
            bytes = try outbox.message(of: entry)
        } catch {
            // The message went out; without its file there is nothing to copy.
            try? outbox.remove(entry)
            return (entry, .waiting("no Sent copy: the message file is gone (\(error)); the entry was removed"))
        }
        do {
            try await sentCopy.storeSentCopy(BccField.adding(entry.bcc, to: bytes), date: entry.sentAt ?? now())
        } catch let waiting as SentCopyWaiting {
            updated.note = waiting.reason
            updated.nextAttempt = nil
            try? outbox.save(updated)
            return (updated, .waiting(waiting.reason))
        } catch {
            updated.sentCopyAttempts += 1
            let retry = schedule.nextAttempt(after: updated.sentCopyAttempts, from: now())
            updated.nextAttempt = retry
            updated.lastError = "\(error)"
            updated.lastErrorStep = "Sent copy"
            try? outbox.save(updated)
            return (updated, .failed("\(error)", retryAt: retry))
        }
        do {
            try outbox.remove(entry)
        } catch {
            // The copy is stored; a leftover entry would only make another copy later.
            updated.note = "sent and copied, but could not be removed from the outbox: \(error)"
            try? outbox.save(updated)
        }
        return (updated, .stored)
    }
}
