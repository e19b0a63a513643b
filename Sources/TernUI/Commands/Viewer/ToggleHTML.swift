import TernConfig

/// `toggle-html`: shows the HTML alternative of the message instead of the plain text, or back.
public struct ToggleHTMLCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-html`.
    public var name: CommandName { .toggleHTML }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        return state.changeReaderOptions { options, content in
            guard content.hasOtherAlternative else { return "This message has only one version of its text" }
            options.preferHTML.toggle()
            return options.preferHTML ? "Showing the HTML version" : "Showing the plain-text version"
        }
    }
}
