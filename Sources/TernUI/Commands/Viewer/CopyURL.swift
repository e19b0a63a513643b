import TernConfig

/// `copy-url`: copies the selected link of the link list to the clipboard: the terminal's (OSC 52)
/// and the desktop's clipboard program (`wl-copy`, `xclip`, `xsel`, `pbcopy`) when there is one.
public struct CopyURLCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `copy-url`.
    public var name: CommandName { .copyURL }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.urls] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.copySelectedURL()
    }
}
