import TernConfig

/// `untag-pattern`: untags every message matching a query.
public struct UntagPatternCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `untag-pattern`.
    public var name: CommandName { .untagPattern }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.openPrompt(.untagPattern, label: "Untag messages matching: ")
        if let argument = invocation.argument, !argument.isEmpty {
            state.prompt?.field.text = argument
            return state.submitPrompt()
        }
        return []
    }
}
