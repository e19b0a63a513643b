import TernConfig

/// `collapse-all-threads`: collapses every thread into its first line.
public struct CollapseAllThreadsCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `collapse-all-threads`.
    public var name: CommandName { .collapseAllThreads }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        ThreadFolding.setAll(&state, collapsed: true)
    }
}

/// What the collapse-all and expand-all commands share: keep the selected message's thread selected.
enum ThreadFolding {
    static func setAll(_ state: inout AppState, collapsed: Bool) -> [Effect] {
        guard var view = state.folder, view.order.isThreaded, var threads = view.threads else {
            state.show(.info, "Threads can be collapsed when sorted by thread (o then t)")
            return []
        }
        let selected = view.list.selected.flatMap { threads.lines.indices.contains($0) ? threads.lines[$0] : nil }
        threads.setAllCollapsed(collapsed)
        view.threads = threads
        let target = selected.flatMap { line in
            threads.lines.firstIndex { $0.message == line.message && line.message != nil }
                ?? threads.lines.firstIndex { $0.threadKey == line.threadKey }
        }
        view.list.select(target ?? 0, count: threads.lines.count)
        state.folder = view
        return []
    }
}
