import TernConfig

/// `tag`: tags or untags the selected message and moves to the next one.
public struct TagCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `tag`.
    public var name: CommandName { .tag }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard var view = state.folder, let uid = state.targets(useTagged: false).first else { return [] }
        if view.tagged.contains(uid) { view.tagged.remove(uid) } else { view.tagged.insert(uid) }
        state.folder = view
        if invocation.context == .list { state.move(.rows(1), in: .list) }
        return []
    }
}
