import TernConfig

/// `open`: in the sidebar, opens the folder and moves to the list; in the list, opens the message;
/// on the attachment screen, opens the part with its mailcap entry or the opener.
public struct OpenCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `open`.
    public var name: CommandName { .open }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .attachments, .urls] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        switch invocation.context {
        case .attachments:
            return state.openSelectedAttachment()
        case .urls:
            return state.openSelectedURL()
        case .sidebar:
            guard let line = state.sidebar.list.selected, state.sidebar.entries.indices.contains(line) else { return [] }
            let entry = state.sidebar.entries[line]
            guard let key = entry.folderKey, entry.isSelectable else {
                state.show(.info, "\(entry.name) holds only other folders")
                return []
            }
            state.focus = .list
            if state.folder?.key == key { return [] }
            return state.openFolder(key)
        default:
            guard let line = state.folder?.list.selected else { return [] }
            return state.openMessage(atLine: line)
        }
    }
}
