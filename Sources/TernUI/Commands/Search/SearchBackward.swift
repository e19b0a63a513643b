import TernConfig

/// `search-backward`: like `search`, toward the top.
public struct SearchBackwardCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `search-backward`.
    public var name: CommandName { .searchBackward }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer, .help] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if let argument = invocation.argument, !argument.isEmpty { return state.search(argument, backward: true) }
        state.openPrompt(.search(backward: true), label: "Search backward: ")
        return []
    }
}
