import TernConfig

/// `recall-postponed`: continues a draft left on disk by an earlier session, else opens the Drafts folder.
public struct RecallPostponedCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `recall-postponed`.
    public var name: CommandName { .recallPostponed }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.recallPostponed()
    }
}
