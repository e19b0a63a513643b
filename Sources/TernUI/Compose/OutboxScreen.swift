import Foundation
import MailEngine
import TerminalKit

/// The outbox view (`go`, `:outbox`): every account's messages that are queued, failed, or sent
/// with their Sent copy still to be made, with the selection.
public struct OutboxScreen: Sendable {
    /// The messages, by account, oldest first.
    public var messages: [QueuedMessage] = []
    /// What could not be read (a damaged entry, a message file without its entry).
    public var problems: [String] = []
    /// The selection.
    public var list = ListState()
    /// The listing has arrived at least once.
    public var loaded = false

    /// An empty view, waiting for its listing.
    public init() {}

    /// The selected message.
    public var selected: QueuedMessage? {
        list.selected.flatMap { messages.indices.contains($0) ? messages[$0] : nil }
    }

    /// Takes a new listing, keeping the selection on the same message when it is still there.
    mutating func replace(with listing: OutboxListingAnswer) {
        let keep = selected.map { ($0.account, $0.id) }
        let position = list.selected ?? 0
        messages = listing.messages
        problems = listing.problems
        loaded = true
        let index = keep.flatMap { kept in messages.firstIndex { $0.account == kept.0 && $0.id == kept.1 } }
        list.select(messages.isEmpty ? nil : index ?? min(position, messages.count - 1), count: messages.count)
    }
}

/// A question of the composer or the outbox view, answered with one key.
public enum ComposeChoice: Hashable, Sendable {
    /// Abort the draft on top: (p)ostpone, (d)iscard or (c)ontinue.
    case abort
    /// Bounce the message to the addresses typed (resolved in the question): y or n.
    case bounce(MessageReference, to: String)
    /// Delete an outbox message without sending it: y or n.
    case deleteOutbox(account: String, id: String)
}
