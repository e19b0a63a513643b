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
        let (keymap, commands, theme) = (state.config.keymap, state.commands, state.theme)
        state.push(.page(Page(kind: .help(context), title: "Keys: \(HelpText.title(of: context))") { width in
            HelpText.lines(keymap: keymap, context: context, commands: commands, theme: theme, width: width)
        }))
        return []
    }
}
