import TernConfig

/// `save-attachment`: asks where to save the selected part (Tab completes paths) and saves it, never replacing a file without asking; `:save-attachment PATH` saves at once.
public struct SaveAttachmentCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `save-attachment`.
    public var name: CommandName { .saveAttachment }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.attachments] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.saveSelectedAttachment(argument: invocation.argument)
    }
}
