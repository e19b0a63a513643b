/// The composer's commands: starting messages from the list and the viewer, and the keys of the
/// review screen (the `composer` context).
public enum ComposeCommands {
    /// Every composer command, for ``CommandRegistry/standard``.
    public static let all: [any UICommand] = [
        ComposeCommand(),
        ReplyCommand(),
        GroupReplyCommand(),
        ListReplyCommand(),
        ForwardCommand(),
        ForwardAsAttachmentCommand(),
        EditAsNewCommand(),
        BounceCommand(),
        RecallPostponedCommand(),
        SendCommand(),
        EditMessageCommand(),
        EditFromCommand(),
        EditToCommand(),
        EditCcCommand(),
        EditBccCommand(),
        EditSubjectCommand(),
        EditReplyToCommand(),
        AttachFileCommand(),
        RemoveAttachmentCommand(),
        RenameAttachmentCommand(),
        ChangeContentTypeCommand(),
        ToggleFlowedCommand(),
        PostponeCommand(),
        AbortCommand(),
        OutboxCommand(),
    ]
}
