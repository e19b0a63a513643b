import TernConfig

/// `previous-folder`: opens the folder above the open one in the sidebar.
public struct PreviousFolderCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `previous-folder`.
    public var name: CommandName { .previousFolder }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        FolderStep.run(&state, step: -1)
    }
}
