import TernConfig

/// `outbox`: opens the outbox view (every account's messages waiting to be sent, failed, or
/// waiting for their Sent copy), or reloads it.
public struct OutboxCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `outbox`.
    public var name: CommandName { .outbox }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.openOutbox()
    }
}
