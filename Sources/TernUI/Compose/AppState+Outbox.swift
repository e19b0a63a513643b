import Foundation
import MailCore
import MailEngine

extension AppState {
    /// The outbox view, if it is the top screen.
    public var topOutbox: OutboxScreen? {
        if case .outbox(let screen)? = screens.last { return screen }
        return nil
    }

    /// Whether the outbox view is open anywhere in the stack.
    var outboxOpen: Bool {
        screens.contains { if case .outbox = $0 { return true } else { return false } }
    }

    /// Changes the outbox view wherever it is in the stack; returns what `change` returned.
    @discardableResult
    mutating func updateOutbox<T>(_ change: (inout OutboxScreen) -> T) -> T? {
        for i in screens.indices.reversed() {
            guard case .outbox(var screen) = screens[i] else { continue }
            let result = change(&screen)
            screens[i] = .outbox(screen)
            return result
        }
        return nil
    }

    /// `outbox`: opens the outbox view (or brings it back to the top) and asks for its listing.
    mutating func openOutbox() -> [Effect] {
        guard compose.isReady else {
            show(.warning, "The composer is still starting; try again in a moment")
            return []
        }
        if topOutbox == nil {
            if let index = screens.lastIndex(where: { if case .outbox = $0 { return true } else { return false } }) {
                let screen = screens.remove(at: index)
                screens.append(screen)
            } else {
                push(.outbox(OutboxScreen()))
            }
        }
        return [.compose(.listOutbox)]
    }

    /// Moves the outbox view's selection.
    mutating func moveOutbox(_ movement: PageMovement) {
        updateOutbox { screen in Self.apply(movement, to: &screen.list, count: screen.messages.count) }
    }

    /// The selected outbox message, or nil after saying there is none.
    private mutating func selectedOutboxMessage() -> QueuedMessage? {
        guard let message = topOutbox?.selected else {
            show(.warning, topOutbox?.loaded == false ? "The outbox is still loading" : "The outbox is empty")
            return nil
        }
        return message
    }

    /// `r` in the outbox view: sends the selected message now (a failed one is queued again; a sent
    /// one gets its Sent copy retried).
    mutating func retryOutboxMessage() -> [Effect] {
        guard let message = selectedOutboxMessage() else { return [] }
        guard !compose.sending.contains(message.account) else {
            show(.info, "Sending is already under way for \(message.account); the list updates when it is done")
            return []
        }
        compose.sending.insert(message.account)
        show(.info, message.status == .sentCopyPending ? "Storing the Sent copy…" : "Sending…")
        return [.compose(.retryOutbox(account: message.account, id: message.id))]
    }

    /// `d` in the outbox view: asks, then deletes the selected message without sending it.
    mutating func deleteOutboxMessage() -> [Effect] {
        guard let message = selectedOutboxMessage() else { return [] }
        let subject = message.subject.isEmpty ? "(no subject)" : message.subject
        let sent = message.status == .sentCopyPending ? " (it was sent; its Sent copy will not be made)" : ""
        choice = ChoiceState(purpose: .compose(.deleteOutbox(account: message.account, id: message.id)),
                             question: "Delete \"\(subject)\" to \(Self.recipientText(message.recipients)) from the outbox\(sent)? (y/n)",
                             choices: ["y", "n"])
        return []
    }

    /// `e` in the outbox view: takes the selected message back into the composer.
    mutating func editOutboxMessage() -> [Effect] {
        guard let message = selectedOutboxMessage() else { return [] }
        guard message.status != .sentCopyPending else {
            show(.warning, "This message was sent already (only its Sent copy is pending); it cannot be edited")
            return []
        }
        guard composeReady(message.account) else { return [] }
        show(.info, "Opening…")
        return [.compose(.editOutbox(account: message.account, id: message.id))]
    }

    /// The answer to a question of the composer or the outbox view.
    mutating func answerComposeChoice(_ purpose: ComposeChoice, _ key: Character) -> [Effect] {
        switch purpose {
        case .abort:
            return answerAbort(key)
        case .bounce(let reference, let to):
            guard key == "y" else {
                show(.info, "Not bounced")
                return []
            }
            show(.info, "Bouncing…")
            return [.compose(.bounce(reference, to: to))]
        case .deleteOutbox(let account, let id):
            guard key == "y" else {
                show(.info, "Kept in the outbox")
                return []
            }
            return [.compose(.deleteOutbox(account: account, id: id))]
        }
    }

    /// The listing of the outboxes arrived.
    mutating func applyOutboxListing(_ listing: OutboxListingAnswer) {
        var counts: [String: Int] = [:]
        for message in listing.messages { counts[message.account, default: 0] += 1 }
        for account in compose.contexts.keys { updateAccount(account) { $0.outboxQueued = counts[account] ?? 0 } }
        updateOutbox { $0.replace(with: listing) }
    }

    /// A fresh listing for the outbox view, if it is open.
    var outboxRefresh: [Effect] {
        outboxOpen ? [.compose(.listOutbox)] : []
    }

    /// `bob@example.org, ann@example.org` (the first three, then `and N more`).
    static func recipientText(_ recipients: [String]) -> String {
        let shown = recipients.prefix(3).joined(separator: ", ")
        return recipients.count > 3 ? "\(shown) and \(recipients.count - 3) more" : shown
    }
}
