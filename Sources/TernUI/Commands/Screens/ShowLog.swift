import TernConfig

/// `show-log`: shows every message and error of this session, newest last.
public struct ShowLogCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `show-log`.
    public var name: CommandName { .showLog }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if case .log? = state.topPage?.kind {
            state.popScreen()
            return []
        }
        let page = Page(kind: .log, title: "Messages of this session", lines: LogText.lines(state.log, theme: state.theme, timeZone: state.config.timeZone))
        state.push(.page(page))
        state.scrollPage(.bottom)
        return []
    }
}
