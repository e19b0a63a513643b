import TernConfig

/// `focus-list`: moves the keyboard to the message list.
public struct FocusListCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `focus-list`.
    public var name: CommandName { .focusList }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.focus = .list
        return []
    }
}
