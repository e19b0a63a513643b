import TernConfig

/// `next-unread`: in the list, the next unread message (wrapping around); in the sidebar, the next
/// folder with unread mail; in the viewer, opens the next unread message.
public struct NextUnreadCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `next-unread`.
    public var name: CommandName { .nextUnread }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        UnreadJump.run(invocation, state: &state, backward: false)
    }
}

/// What `next-unread` and `previous-unread` share.
enum UnreadJump {
    static func run(_ invocation: CommandInvocation, state: inout AppState, backward: Bool) -> [Effect] {
        switch invocation.context {
        case .sidebar:
            let entries = state.sidebar.entries
            guard !entries.isEmpty else { return [] }
            let start = state.sidebar.list.selected ?? 0
            let step = backward ? -1 : 1
            var i = start
            for _ in 0..<entries.count {
                i = (i + step + entries.count) % entries.count
                if (entries[i].unread ?? 0) > 0, entries[i].folderKey != nil {
                    state.sidebar.list.select(i, count: entries.count)
                    return []
                }
            }
            state.show(.info, "No folder has unread mail")
            return []
        case .viewer:
            return state.nextUnreadFromViewer(backward: backward)
        default:
            return state.jumpToUnread(backward: backward)
        }
    }
}
