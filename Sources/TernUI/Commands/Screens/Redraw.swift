import TernConfig

/// `redraw`: repaints the whole terminal (after another program wrote over it).
public struct RedrawCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `redraw`.
    public var name: CommandName { .redraw }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        [.redrawScreen]
    }
}
