import TernConfig

/// `view-raw`: shows the raw source of the message (sanitised), or back.
public struct ViewRawCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `view-raw`.
    public var name: CommandName { .viewRaw }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        return state.changeReaderOptions { options, _ in
            options.showRaw.toggle()
            return options.showRaw ? "Showing the raw source" : "Showing the message"
        }
    }
}
