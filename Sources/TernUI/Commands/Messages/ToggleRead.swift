import TernConfig

/// `toggle-read`: marks the message read, or unread if it was read.
public struct ToggleReadCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-read`.
    public var name: CommandName { .toggleRead }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        FlagToggle.run(&state, invocation: invocation, bit: .seen)
    }
}
