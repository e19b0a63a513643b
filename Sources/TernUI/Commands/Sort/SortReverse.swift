import TernConfig

/// `sort-reverse`: like `sort`, in reverse (newest, largest, last first).
public struct SortReverseCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `sort-reverse`.
    public var name: CommandName { .sortReverse }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        SortChoice.run(&state, reverse: true, argument: invocation.argument)
    }
}
