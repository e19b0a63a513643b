import TernConfig

/// `sidebar-wider`: widens the sidebar by two columns (showing it if hidden); `:sidebar-wider N`
/// sets the width to N.
public struct SidebarWiderCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `sidebar-wider`.
    public var name: CommandName { .sidebarWider }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        SidebarResize.run(&state, by: 2, argument: invocation.argument)
    }
}

/// What `sidebar-wider` and `sidebar-narrower` share.
enum SidebarResize {
    static func run(_ state: inout AppState, by delta: Int, argument: String?) -> [Effect] {
        var width = state.sidebar.width + delta
        if let argument, !argument.isEmpty {
            guard let value = Int(argument) else {
                state.show(.error, "sidebar width must be a number of columns, not \"\(argument)\"")
                return []
            }
            width = value
        }
        let range = SidebarState.widthRange
        state.sidebar.width = min(max(width, range.lowerBound), range.upperBound)
        state.sidebar.isVisible = true
        if state.layout.sidebar == nil {
            state.show(.info, "Sidebar \(state.sidebar.width) columns: too wide for this terminal, hidden")
        }
        return []
    }
}
