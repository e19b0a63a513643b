import TernConfig

/// `remove-attachment`: removes the selected attachment.
public struct RemoveAttachmentCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `remove-attachment`.
    public var name: CommandName { .removeAttachment }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.removeAttachment()
    }
}
