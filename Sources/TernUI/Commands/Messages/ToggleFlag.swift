import TernConfig

/// `toggle-flag`: flags the message, or unflags it (after `;`: flags all the tagged ones unless
/// every one is flagged already).
public struct ToggleFlagCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-flag`.
    public var name: CommandName { .toggleFlag }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        FlagToggle.run(&state, invocation: invocation, bit: .flagged)
    }
}

/// What `toggle-flag` and `toggle-read` share: set the flag unless every target has it.
enum FlagToggle {
    static func run(_ state: inout AppState, invocation: CommandInvocation, bit: RowFlags) -> [Effect] {
        let uids = state.targets(useTagged: invocation.useTagged)
        guard !uids.isEmpty, let view = state.folder else { return [] }
        let known = uids.compactMap { uid in view.line(of: uid).flatMap(view.row(at:)) }
        let allSet = !known.isEmpty && known.allSatisfy { $0.flags.contains(bit) }
        let flags = bit.flags
        return state.changeFlags(allSet ? .remove(flags) : .add(flags), on: uids)
    }
}
