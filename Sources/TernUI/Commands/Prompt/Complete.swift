import TernConfig

/// `complete`: completes a folder or command name at the prompt; pressed again, cycles through the
/// candidates.
public struct CompleteCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `complete`.
    public var name: CommandName { .complete }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.prompt] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if case .composer(let field)? = state.prompt?.purpose { return state.completeComposerPrompt(field) }
        state.completePrompt()
        return []
    }
}
