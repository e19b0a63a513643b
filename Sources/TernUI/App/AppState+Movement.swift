import TerminalKit
import TernConfig

extension AppState {
    /// Moves the selection of the sidebar or the list, or scrolls the top page, whichever `context` is.
    public mutating func move(_ movement: PageMovement, in context: KeyContext) {
        switch context {
        case .sidebar:
            var list = sidebar.list
            Self.apply(movement, to: &list, count: sidebar.entries.count)
            sidebar.list = list
        case .list:
            guard var view = folder else { return }
            Self.apply(movement, to: &view.list, count: view.rowCount)
            view.anchor = nil
            folder = view
        case .help:
            scrollPage(movement)
        case .viewer:
            if topReader != nil { scrollReader(movement) } else { scrollPage(movement) }
        case .attachments:
            moveAttachments(movement)
        case .urls:
            moveURLs(movement)
        case .outbox:
            moveOutbox(movement)
        default:
            break
        }
    }

    /// Applies a movement to a list's state.
    static func apply(_ movement: PageMovement, to list: inout ListState, count: Int) {
        switch movement {
        case .rows(let n): list.move(by: n, count: count)
        case .pages(let n):
            for _ in 0..<abs(n) { if n > 0 { list.pageDown(count: count) } else { list.pageUp(count: count) } }
        case .halfPages(let n):
            for _ in 0..<abs(n) { if n > 0 { list.halfPageDown(count: count) } else { list.halfPageUp(count: count) } }
        case .top: list.selectFirst(count: count)
        case .bottom: list.selectLast(count: count)
        }
    }
}
