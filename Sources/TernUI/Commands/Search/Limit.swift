import TernConfig

/// `limit`: shows only the messages matching a query (empty, or `all`, shows every message again).
public struct LimitCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `limit`.
    public var name: CommandName { .limit }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if let argument = invocation.argument { return state.applyLimit(argument) }
        state.openPrompt(.limit, label: "Limit to: ", text: state.folder?.limit?.text ?? "")
        return []
    }
}
