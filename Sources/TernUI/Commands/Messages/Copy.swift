import TernConfig

/// `copy`: copies the message (or, after `;`, the tagged ones) to a folder asked for.
public struct CopyCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `copy`.
    public var name: CommandName { .copy }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        let uids = state.targets(useTagged: invocation.useTagged)
        guard !uids.isEmpty else { return [] }
        let noun = uids.count == 1 ? "" : " \(uids.count) messages"
        state.openPrompt(.copyTo(uids), label: "Copy\(noun) to: ")
        if let argument = invocation.argument, !argument.isEmpty {
            state.prompt?.field.text = argument
            return state.submitPrompt()
        }
        return []
    }
}
