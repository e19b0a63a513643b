import TernConfig

/// `compose`: writes a new message: asks To and Subject, then opens the editor.
public struct ComposeCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `compose`.
    public var name: CommandName { .compose }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startNewMessage()
    }
}
