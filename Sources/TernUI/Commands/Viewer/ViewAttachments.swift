import TernConfig

/// `view-attachments`: lists the parts of the message (in the list: of the selected message) to save, open or pipe.
public struct ViewAttachmentsCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `view-attachments`.
    public var name: CommandName { .viewAttachments }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.viewAttachments(from: invocation.context)
    }
}
