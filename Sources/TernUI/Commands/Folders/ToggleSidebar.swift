import TernConfig

/// `toggle-sidebar`: shows or hides the folder sidebar.
public struct ToggleSidebarCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-sidebar`.
    public var name: CommandName { .toggleSidebar }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.sidebar.isVisible.toggle()
        if !state.sidebar.isVisible { state.focus = .list }
        return []
    }
}
