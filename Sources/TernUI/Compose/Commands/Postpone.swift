import TernConfig

/// `postpone`: stores the message in the account's Drafts folder to finish later.
public struct PostponeCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `postpone`.
    public var name: CommandName { .postpone }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.postponeDraft()
    }
}
