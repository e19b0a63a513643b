import TernConfig

/// `forward`: forwards the message with its text inline and its attachments attached again.
public struct ForwardCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `forward`.
    public var name: CommandName { .forward }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startCompose(.forward(attached: false), in: invocation.context)
    }
}
