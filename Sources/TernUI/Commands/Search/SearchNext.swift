import TernConfig

/// `search-next`: repeats the last search in its direction.
public struct SearchNextCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `search-next`.
    public var name: CommandName { .searchNext }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer, .help] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        RepeatSearch.run(&state, reverse: false)
    }
}

/// What `search-next` and `search-previous` share.
enum RepeatSearch {
    static func run(_ state: inout AppState, reverse: Bool) -> [Effect] {
        guard let last = state.lastSearch else {
            state.show(.info, "No search yet: press / to search")
            return []
        }
        let backward = last.backward != reverse
        if state.topReader != nil {
            state.searchReader(last.text, backward: backward, again: true)
            return []
        }
        if state.topPage != nil {
            state.searchPage(last.text, backward: backward, skipCurrent: true)
            return []
        }
        guard let query = state.parseQuery(last.text) else { return [] }
        let effects = state.searchList(query, text: last.text, backward: backward)
        state.lastSearch = last
        return effects
    }
}
