import TernConfig

/// `help`: shows the key bindings of the current context, generated from the live keymap.
public struct HelpCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `help`.
    public var name: CommandName { .help }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if case .help? = state.topPage?.kind {
            state.popScreen()
            return []
        }
        let context = invocation.context
        let lines = HelpText.lines(keymap: state.config.keymap, context: context, commands: state.commands, theme: state.theme)
        state.push(.page(Page(kind: .help(context), title: "Keys: \(HelpText.title(of: context))", lines: lines)))
        return []
    }
}
