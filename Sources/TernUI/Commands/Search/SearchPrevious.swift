import TernConfig

/// `search-previous`: repeats the last search in the other direction.
public struct SearchPreviousCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `search-previous`.
    public var name: CommandName { .searchPrevious }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer, .help] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        RepeatSearch.run(&state, reverse: true)
    }
}
