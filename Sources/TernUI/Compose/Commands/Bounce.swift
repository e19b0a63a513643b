import TernConfig

/// `bounce`: asks for addresses and resends the message unchanged to them.
public struct BounceCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `bounce`.
    public var name: CommandName { .bounce }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard let source = state.composeSource(in: invocation.context) else {
            state.show(.warning, "There is no message here")
            return []
        }
        guard state.composeReady(source.folder.account) else { return [] }
        state.openPrompt(.composer(.bounce(source)), label: "Bounce to: ")
        return []
    }
}
