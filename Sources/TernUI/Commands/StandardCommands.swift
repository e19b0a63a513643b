extension CommandRegistry {
    /// Every command of this build. The viewer and composer add theirs with ``register(_:)``.
    public static let standard = CommandRegistry([
        // Moving
        MoveDownCommand(), MoveUpCommand(), PageDownCommand(), PageUpCommand(), HalfPageDownCommand(),
        HalfPageUpCommand(), FirstCommand(), LastCommand(), ScrollDownCommand(), ScrollUpCommand(),
        NextUnreadCommand(), PreviousUnreadCommand(), NextMessageCommand(), PreviousMessageCommand(),
        // Screens
        OpenCommand(), CloseCommand(), HelpCommand(), ShowLogCommand(), RedrawCommand(), QuitCommand(),
        CancelCommand(), CommandLineCommand(),
        // Folders and accounts
        ChangeFolderCommand(), NextFolderCommand(), PreviousFolderCommand(), ToggleSidebarCommand(),
        SidebarWiderCommand(), SidebarNarrowerCommand(), FocusSidebarCommand(), FocusListCommand(),
        CheckMailCommand(), SyncFolderCommand(), ChangeAccountCommand(),
        // Searching
        SearchCommand(), SearchBackwardCommand(), SearchNextCommand(), SearchPreviousCommand(), LimitCommand(),
        // Messages
        DeleteCommand(), UndeleteCommand(), ToggleFlagCommand(), ToggleReadCommand(), MarkThreadReadCommand(),
        SaveCommand(), CopyCommand(), ArchiveCommand(),
        // Tags, threads, order
        TagCommand(), TagPatternCommand(), UntagPatternCommand(), TagPrefixCommand(),
        ToggleThreadCommand(), CollapseAllThreadsCommand(), ExpandAllThreadsCommand(),
        SortCommand(), SortReverseCommand(),
        // Prompt
        AcceptCommand(), CompleteCommand(), HistoryPreviousCommand(), HistoryNextCommand(),
    ] + PromptEditCommand.all + viewerCommands + ComposeCommands.all)
}
