import TernConfig

/// `tag-prefix`: the next command (delete, flag, move...) acts on every tagged message.
public struct TagPrefixCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `tag-prefix`.
    public var name: CommandName { .tagPrefix }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard let tagged = state.folder?.tagged.count, tagged > 0 else {
            state.show(.info, "No tagged messages")
            state.tagPrefix = false
            return []
        }
        state.tagPrefix = true
        state.show(.info, "Next command acts on \(tagged) tagged " + (tagged == 1 ? "message" : "messages"))
        return []
    }
}
