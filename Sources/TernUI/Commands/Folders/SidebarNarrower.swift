import TernConfig

/// `sidebar-narrower`: narrows the sidebar by two columns; `:sidebar-narrower N` sets the width to N.
public struct SidebarNarrowerCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `sidebar-narrower`.
    public var name: CommandName { .sidebarNarrower }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        SidebarResize.run(&state, by: -2, argument: invocation.argument)
    }
}
