import TernConfig

/// `command-line`: opens the `:` prompt, where any command runs by name (`:archive`, `:sort size`,
/// `:limit is:unread`, `:change-folder Archive`), and a number goes to that line (`:50000`); Tab
/// completes command names.
public struct CommandLineCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `command-line`.
    public var name: CommandName { .commandLine }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.openPrompt(.commandLine, label: ":")
        return []
    }
}
