import Foundation
import MailCore
import MailEngine
import TernConfig

extension ComposeService {
    /// Builds draft `id` and writes it to the account's outbox (fsynced); then removes its
    /// postponed copy, flags the original answered or forwarded, removes the outbox message it was
    /// taken from (if any), and removes the draft from disk.
    /// Nothing is sent here: ``flush(account:backend:)`` does that in the background.
    ///
    /// - Parameters:
    ///   - id: the draft.
    ///   - draft: the draft as the composer has it.
    ///   - backend: the account's backend (Drafts copy, flags).
    /// - Returns: warnings (the message is queued either way).
    /// - Throws: ``UIError`` when the message cannot be built (no recipient, an attachment gone) or
    ///   queued; the draft then stays open in the composer and on disk.
    public func queue(_ id: String, _ draft: Draft, backend: (any MailBackend)?) async throws -> [String] {
        let account = try account(draft.account)
        guard let session = take(id) else { throw UIError("the draft \(id) is not open any more") }
        do {
            try session.save(draft)
            let (builder, built) = try DraftMessage.build(draft, extraHeaders: [("User-Agent", "tern")])
            let sender = try AccountSending.sender(for: account, environment: settings.environment, backend: backend)
            _ = try sender.queue(OutgoingMessage(built: built, builder: builder))
        } catch {
            putBack(session)
            throw UIError(Self.describe(error))
        }
        let warnings = await DraftActions.afterQueued(session, backend: backend)
        return warnings + (await releaseOutboxEntry(of: draft))
    }

    /// Submits what is queued in the account's outbox (SMTP or sendmail), oldest first; a message
    /// that fails stays in the outbox with the reason.
    ///
    /// - Parameter dueOnly: only the messages whose retry time has come (the retries at start);
    ///   false tries everything queued (after the user sends).
    public func flush(account name: String, backend: (any MailBackend)?, dueOnly: Bool = false) async -> OutboxReport {
        var report = OutboxReport(account: name, sent: 0, errors: [], warnings: [], remaining: 0)
        do {
            let account = try account(name)
            let sender = try AccountSending.sender(for: account, environment: settings.environment, backend: backend)
            for result in try await sender.flush(dueOnly: dueOnly) {
                let subject = result.entry.subject.isEmpty ? "(no subject)" : result.entry.subject
                switch result.outcome {
                case .sent(_, let copy):
                    report.sent += 1
                    if let note = result.entry.note { report.warnings.append("\"\(subject)\": \(note)") }
                    if case .waiting(let reason) = copy { report.warnings.append("\"\(subject)\" sent; no Sent copy yet: \(reason)") }
                    if case .failed(let reason, _) = copy { report.warnings.append("\"\(subject)\" sent; the Sent copy failed: \(reason)") }
                case .sentCopyRetried:
                    break
                case .willRetry(let failure, let date):
                    let when = date.map { " (retried at \(Self.time($0)))" } ?? " (`tern outbox flush` retries)"
                    report.errors.append("\"\(subject)\" not sent: \(failure)\(when); it stays in the outbox")
                case .failed(let failure):
                    report.errors.append("\"\(subject)\" refused: \(failure); it stays in the outbox (`tern outbox`)")
                case .skipped:
                    break
                }
            }
        } catch {
            report.errors.append("\(name): cannot send: \(Self.describe(error)); the message stays in the outbox")
        }
        report.remaining = outboxCount(account: name)
        return report
    }

    /// The number of messages in the account's outbox (queued, failed, or waiting for their Sent copy).
    public func outboxCount(account name: String) -> Int {
        guard let account = settings.accounts[name] else { return 0 }
        let outbox = AccountSending.outbox(for: account, environment: settings.environment)
        return (try? outbox.entries().count) ?? 0
    }

    /// Stores draft `id` in the account's Drafts folder (flagged `\Draft`) and removes it from disk.
    ///
    /// - Returns: the folder, and warnings.
    /// - Throws: ``UIError`` when there is no Drafts folder or it refuses the message; the draft
    ///   then stays open in the composer and on disk.
    public func postpone(_ id: String, _ draft: Draft, backend: (any MailBackend)?) async throws -> (folder: MailboxPath, warnings: [String]) {
        let account = try account(draft.account)
        guard let backend else { throw UIError("no account \"\(draft.account)\"") }
        guard let session = take(id) else { throw UIError("the draft \(id) is not open any more") }
        do {
            try session.save(draft)
            let folders = try await backend.folders()
            guard let folder = DraftActions.draftsFolder(account: account, folders: folders) else {
                throw UIError("\(account.name) has no Drafts folder: create one, or set drafts = \"NAME\" in "
                    + "[accounts.\(account.name).folders]")
            }
            let done = try await DraftActions.postpone(session, backend: backend, folder: folder)
            return (done.folder, done.warnings + (await releaseOutboxEntry(of: draft)))
        } catch {
            putBack(session)
            throw error as? UIError ?? UIError(Self.describe(error))
        }
    }

    /// Resends a message unchanged to `to` (bounce): `Resent-*` fields, queued in the outbox.
    ///
    /// - Parameters:
    ///   - reference: the message.
    ///   - to: the recipients as typed (aliases expand).
    ///   - backend: the account's backend.
    /// - Throws: ``UIError`` for bad addresses, a message that cannot be loaded, or an outbox
    ///   that refuses it.
    public func bounce(_ reference: MessageReference, to: String, backend: (any MailBackend)?) async throws {
        let account = try account(reference.folder.account)
        guard let backend else { throw UIError("no account \"\(reference.folder.account)\"") }
        do {
            let addresses = try book.fieldReader.read(to, field: "Resent-To")
            let bytes = try await backend.messageBytes(reference.uid, in: reference.folder.path)
            let identity = DraftStarter.identity(for: Message(bytes: bytes).header, in: account)
            let prepared = try Bounce.prepare(bytes, from: identity, to: addresses)
            let subject = Message(bytes: bytes).envelope.subject ?? ""
            let sender = try AccountSending.sender(for: account, environment: settings.environment, backend: backend)
            _ = try sender.queue(OutgoingMessage(bytes: prepared.bytes, sender: prepared.sender, recipients: prepared.recipients,
                                                 subject: subject, messageID: prepared.messageID.value))
        } catch {
            throw UIError(Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? UIError { return error.message }
        return String(describing: error)
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }
}
