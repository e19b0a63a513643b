import TernConfig

/// `expand-all-threads`: expands every thread.
public struct ExpandAllThreadsCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `expand-all-threads`.
    public var name: CommandName { .expandAllThreads }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        ThreadFolding.setAll(&state, collapsed: false)
    }
}
