import MailCore
import MailEngine
import TerminalKit

extension AppState {
    /// Opens the message on list line `line` in the read-only viewer (replacing a message already
    /// shown), loads its text in the background and marks it read.
    public mutating func openMessage(atLine line: Int) -> [Effect] {
        guard var view = folder, let row = view.row(at: line) else {
            if folder?.rowCount ?? 0 > 0 { show(.info, "The message is still loading") }
            return []
        }
        view.list.select(line, count: view.rowCount)
        folder = view
        let reference = MessageReference(folder: view.key, uid: row.uid)
        let title = row.subject.isEmpty ? "(no subject)" : row.subject
        let page = Page(kind: .message(reference), title: title, lines: nil)
        if case .message? = topPage?.kind {
            screens[screens.count - 1] = .page(page)
        } else {
            push(.page(page))
        }
        var effects: [Effect] = [.loadMessage(reference, preferHTML: config.preferHTML)]
        if row.isUnread { effects += changeFlags(.add([.seen]), on: [row.uid]) }
        return effects
    }

    /// In the viewer, shows the message `delta` lines away in the list.
    public mutating func showAdjacentMessage(_ delta: Int) -> [Effect] {
        guard let view = folder, let current = view.list.selected else { return [] }
        let next = current + delta
        guard next >= 0, next < view.rowCount else {
            show(.info, delta > 0 ? "This is the last message" : "This is the first message")
            return []
        }
        return openMessage(atLine: next)
    }
}
