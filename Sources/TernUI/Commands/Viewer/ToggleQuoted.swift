import TernConfig

/// `toggle-quoted`: folds long quoted blocks to a line, or shows them whole.
public struct ToggleQuotedCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-quoted`.
    public var name: CommandName { .toggleQuoted }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        return state.changeReaderOptions { options, _ in
            options.foldQuotes.toggle()
            return options.foldQuotes ? "Long quoted blocks folded" : "Quoted text shown whole"
        }
    }
}
