import TernConfig

/// `quit`: leaves tern, after carrying out the deletions marked in the open folder.
public struct QuitCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `quit`.
    public var name: CommandName { .quit }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        let effects = state.flushPendingDeletions()
        state.quitRequested = true
        return effects
    }
}
