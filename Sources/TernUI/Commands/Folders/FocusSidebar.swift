import TernConfig

/// `focus-sidebar`: moves the keyboard to the sidebar (showing it if hidden).
public struct FocusSidebarCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `focus-sidebar`.
    public var name: CommandName { .focusSidebar }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.sidebar.isVisible = true
        guard state.layout.sidebar != nil else {
            state.show(.info, "The terminal is too narrow for the sidebar")
            return []
        }
        state.focus = .sidebar
        if let key = state.folder?.key, let line = state.sidebar.index(of: key) {
            state.sidebar.list.select(line, count: state.sidebar.entries.count)
        }
        return []
    }
}
