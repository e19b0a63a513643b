import TernConfig

/// `rename-attachment`: changes the name the recipient sees for the selected attachment.
public struct RenameAttachmentCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `rename-attachment`.
    public var name: CommandName { .renameAttachment }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editAttachment({ .rename(index: $0) }, label: "Name: ", text: \.name)
    }
}
