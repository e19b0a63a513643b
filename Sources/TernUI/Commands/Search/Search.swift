import TernConfig

/// `search`: asks for a query (`from:bob is:unread lunch`, see ``SearchQuery``) and selects the next
/// matching message; on a page of text, finds the text.
public struct SearchCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `search`.
    public var name: CommandName { .search }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer, .help] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if let argument = invocation.argument, !argument.isEmpty { return state.search(argument, backward: false) }
        state.openPrompt(.search(backward: false), label: "Search: ")
        return []
    }
}
