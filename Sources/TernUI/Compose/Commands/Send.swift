import TernConfig

/// `send`: queues the message in the outbox and sends it in the background; in the outbox view,
/// sends the selected message now (a failed one is queued again).
public struct SendCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `send`.
    public var name: CommandName { .send }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        invocation.context == .outbox ? state.retryOutboxMessage() : state.sendDraft()
    }
}
