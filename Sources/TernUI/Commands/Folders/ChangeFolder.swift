import TernConfig

/// `change-folder`: asks for a folder name (Tab completes) and opens it; `:change-folder NAME` opens
/// NAME directly.
public struct ChangeFolderCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `change-folder`.
    public var name: CommandName { .changeFolder }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.openPrompt(.changeFolder, label: "Open folder: ")
        if let argument = invocation.argument, !argument.isEmpty {
            state.prompt?.field.text = argument
            return state.submitPrompt()
        }
        return []
    }
}
