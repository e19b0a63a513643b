import TernConfig

/// `change-content-type`: changes the MIME type of the selected attachment.
public struct ChangeContentTypeCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `change-content-type`.
    public var name: CommandName { .changeContentType }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editAttachment({ .contentType(index: $0) }, label: "Content type: ", text: \.displayType)
    }
}
