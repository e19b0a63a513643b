import TernConfig

/// `cancel`: closes the prompt, or forgets a pending key sequence and the `;` prefix.
public struct CancelCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `cancel`.
    public var name: CommandName { .cancel }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global, .prompt] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if state.prompt != nil {
            state.cancelPrompt()
            return []
        }
        state.pendingKeys.removeAll()
        state.tagPrefix = false
        state.message = nil
        return []
    }
}
