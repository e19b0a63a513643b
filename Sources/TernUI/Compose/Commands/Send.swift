import TernConfig

/// `send`: queues the message in the outbox and sends it in the background.
public struct SendCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `send`.
    public var name: CommandName { .send }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.sendDraft()
    }
}
