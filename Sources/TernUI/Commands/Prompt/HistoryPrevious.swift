import TernConfig

/// `history-previous`: recalls the previous entry of the prompt's history.
public struct HistoryPreviousCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `history-previous`.
    public var name: CommandName { .historyPrevious }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.prompt] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.browseHistory(older: true)
        return []
    }
}
