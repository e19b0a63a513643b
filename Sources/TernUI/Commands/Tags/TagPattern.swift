import TernConfig

/// `tag-pattern`: tags every message matching a query (the search language of `/`).
public struct TagPatternCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `tag-pattern`.
    public var name: CommandName { .tagPattern }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.openPrompt(.tagPattern, label: "Tag messages matching: ")
        if let argument = invocation.argument, !argument.isEmpty {
            state.prompt?.field.text = argument
            return state.submitPrompt()
        }
        return []
    }
}
