import TernConfig

/// `toggle-thread`: collapses the selected thread into one line, or expands it.
public struct ToggleThreadCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-thread`.
    public var name: CommandName { .toggleThread }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard var view = state.folder, view.order.isThreaded, var threads = view.threads, let line = view.list.selected else {
            state.show(.info, "Threads can be collapsed when sorted by thread (o then t)")
            return []
        }
        let target = threads.toggle(line: line)
        view.threads = threads
        if let target { view.list.select(target, count: threads.lines.count) }
        state.folder = view
        return []
    }
}
