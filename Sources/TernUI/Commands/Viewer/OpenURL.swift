import TernConfig

/// `open-url`: asks for the number of a link in the message (`[3]` in the text) and opens it with `$BROWSER` or the opener; `:open-url 3` opens link 3.
public struct OpenURLCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `open-url`.
    public var name: CommandName { .openURL }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startOpenURL(argument: invocation.argument)
    }
}
