import TernConfig

/// `save-all-attachments`: asks for a folder (Tab completes) and saves every attachment of the message into it, asking before replacing a file; `:save-all-attachments DIR` saves at once.
public struct SaveAllAttachmentsCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `save-all-attachments`.
    public var name: CommandName { .saveAllAttachments }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer, .attachments] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startSaveAll(from: invocation.context, argument: invocation.argument)
    }
}
