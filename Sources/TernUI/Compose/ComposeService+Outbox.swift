import Foundation
import MailCore
import MailEngine
import TernConfig

extension ComposeService {
    /// The outbox queue of account `name`.
    func outboxQueue(_ name: String) throws -> OutboxQueue {
        OutboxQueue(outbox: AccountSending.outbox(for: try account(name), environment: settings.environment))
    }

    /// Every account's outbox messages (by account, oldest first) and the problems met reading them.
    public func outboxListing() -> OutboxListingAnswer {
        var answer = OutboxListingAnswer(messages: [], problems: [])
        for name in settings.accounts.keys.sorted() {
            do {
                let (messages, problems) = try outboxQueue(name).listing()
                answer.messages += messages
                answer.problems += problems.map { "\(name): \($0)" }
            } catch {
                answer.problems.append("\(name): the outbox cannot be read: \(Self.describe(error))")
            }
        }
        return answer
    }

    /// Makes outbox message `id` of `account` due now (a failed one queued again); the caller
    /// flushes the outbox next.
    ///
    /// - Throws: ``UIError`` when it is gone or the outbox refuses.
    public func retryOutbox(account: String, id: String) async throws {
        do {
            try await outboxQueue(account).retry(id)
        } catch {
            throw UIError(Self.describe(error))
        }
    }

    /// Deletes outbox message `id` of `account` without sending it.
    ///
    /// - Throws: ``UIError`` when it is gone or the outbox refuses.
    public func deleteOutbox(account: String, id: String) async throws {
        do {
            try await outboxQueue(account).delete(id)
        } catch {
            throw UIError(Self.describe(error))
        }
    }

    /// Takes outbox message `id` of `account` back into the composer: it is held in the outbox
    /// (never sent meanwhile) and replaced by the new draft once that is queued or postponed.
    ///
    /// - Throws: ``UIError`` when it is gone, was sent already, or the draft cannot be written.
    public func editOutbox(account name: String, id: String) async throws -> ComposeOpened {
        let account = try account(name)
        let held: (bytes: [UInt8], entry: QueuedMessage)
        do {
            held = try await outboxQueue(name).holdForEditing(id)
        } catch {
            throw UIError(Self.describe(error))
        }
        let starter = DraftStarter(account: account, options: settings.options, signature: "")
        let draft = starter.fromOutbox(Message(bytes: held.bytes), bcc: held.entry.bcc, entry: id)
        let session = try repository(name).begin(draft)
        register(session)
        return ComposeOpened(id: session.id, draft: session.draft, openEditor: true,
                             notes: ["The queued message is held in the outbox until this one is sent or postponed"])
    }

    /// After draft `draft` was queued or postponed: removes the outbox message it was taken from.
    ///
    /// - Returns: a warning when it could not be removed.
    func releaseOutboxEntry(of draft: Draft) async -> [String] {
        guard let id = draft.outboxEntry else { return [] }
        do {
            try await outboxQueue(draft.account).delete(id)
            return []
        } catch {
            return ["The earlier copy of this message in the outbox (\(id)) could not be removed: \(Self.describe(error)); "
                + "delete it in the outbox view (d)"]
        }
    }
}

/// The outboxes as the outbox view lists them.
public struct OutboxListingAnswer: Sendable {
    /// Every message, by account, oldest first.
    public var messages: [QueuedMessage]
    /// What could not be read, one line each.
    public var problems: [String]
}
