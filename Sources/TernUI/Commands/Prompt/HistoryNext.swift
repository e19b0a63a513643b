import TernConfig

/// `history-next`: recalls the next entry of the prompt's history (or the line being typed).
public struct HistoryNextCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `history-next`.
    public var name: CommandName { .historyNext }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.prompt] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.browseHistory(older: false)
        return []
    }
}
