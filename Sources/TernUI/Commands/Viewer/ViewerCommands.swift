extension CommandRegistry {
    /// The commands of the viewer and its attachment screen (added to ``standard``).
    static let viewerCommands: [any UICommand] = [
        ToggleHeadersCommand(), ToggleQuotedCommand(), ToggleHTMLCommand(), ViewRawCommand(), OpenURLCommand(),
        ViewAttachmentsCommand(), SaveAttachmentCommand(), PipeMessageCommand(),
        URLListCommand(), CopyURLCommand(), SaveAllAttachmentsCommand(),
    ]
}
