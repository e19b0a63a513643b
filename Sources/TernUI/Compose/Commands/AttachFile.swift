import TernConfig

/// `attach-file`: asks for a file or glob pattern to attach (Tab completes paths).
public struct AttachFileCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `attach-file`.
    public var name: CommandName { .attachFile }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard let composer = state.topComposer, composer.busy == nil else { return [] }
        state.openPrompt(.composer(.attach), label: "Attach: ")
        return []
    }
}
