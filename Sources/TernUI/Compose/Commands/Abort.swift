import TernConfig

/// `abort`: closes the composer; asks first (postpone, discard or go on) when something was written.
public struct AbortCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `abort`.
    public var name: CommandName { .abort }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.abortDraft()
    }
}
