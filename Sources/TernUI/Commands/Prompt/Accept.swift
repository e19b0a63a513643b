import TernConfig

/// `accept`: accepts the prompt's text.
public struct AcceptCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `accept`.
    public var name: CommandName { .accept }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.prompt] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.submitPrompt()
    }
}
