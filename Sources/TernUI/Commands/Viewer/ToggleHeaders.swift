import TernConfig

/// `toggle-headers`: shows every header field of the message, or only From, To, Cc, Date and Subject.
public struct ToggleHeadersCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-headers`.
    public var name: CommandName { .toggleHeaders }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        return state.changeReaderOptions { options, _ in
            options.showAllHeaders.toggle()
            options.showRaw = false
            return options.showAllHeaders ? "Showing all headers" : "Showing the usual headers"
        }
    }
}
