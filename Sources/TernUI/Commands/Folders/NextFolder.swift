import TernConfig

/// `next-folder`: opens the folder below the open one in the sidebar.
public struct NextFolderCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `next-folder`.
    public var name: CommandName { .nextFolder }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        FolderStep.run(&state, step: 1)
    }
}
