import MailCore
import MailEngine
import TerminalKit

/// The status line: where you are and what runs in the background.
///
/// Left: `account: folder`, the message count (new ones too), the order, the limit, tags and marked
/// deletions. Right: background work (`syncing INBOX 3,400/100,000 [###   ]`, `IDLE`, `offline`,
/// `sending…`, `outbox: 2 queued`) and the position in the list.
enum StatusBar {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        let theme = state.theme
        let style = theme[.status]
        StatusLine(left: left(state), right: right(state, theme: theme), style: style).draw(into: &buffer, area: area)
    }

    static func left(_ state: AppState) -> Line {
        guard let view = state.folder else { return Line("tern") }
        var parts: [String] = []
        let name = state.accounts.count > 1 ? "\(view.key.account): \(view.key.path)" : view.key.path.description
        parts.append(name)
        let info = state.account(view.key.account)?.folders.first { $0.path == view.key.path }
        if let count = view.isLoaded ? view.rowCount : nil {
            var text = view.limit == nil ? "\(NumberText.count(count)) msgs" : "\(NumberText.count(count)) shown"
            if let unread = info?.unread, unread > 0 { text += ", \(NumberText.count(unread)) new" }
            parts.append(text)
        }
        parts.append("sort: \(view.order)")
        if let limit = view.limit { parts.append("limit: \(limit.text)") }
        if !view.tagged.isEmpty { parts.append("\(view.tagged.count) tagged") }
        if !view.pendingDeletion.isEmpty { parts.append("\(view.pendingDeletion.count) to delete") }
        if state.tagPrefix { parts.append(";") }
        return Line(parts.joined(separator: "  "))
    }

    static func right(_ state: AppState, theme: UITheme) -> Line {
        var spans: [Span] = []
        let style = theme[.status]
        for account in state.accounts {
            let prefix = state.accounts.count > 1 ? "\(account.name) " : ""
            if let sync = account.sync {
                spans.append(Span("\(prefix)syncing \(sync.folder) \(NumberText.count(sync.done))/\(NumberText.count(sync.total)) ", style: style))
                spans += progressBar(done: sync.done, total: sync.total, width: 10, theme: theme)
                spans.append(.trusted("  ", style: style))
            } else if let text = connectionText(account.connection) {
                spans.append(Span("\(prefix)\(text)  ", style: style))
            }
            if state.compose.sending.contains(account.name) {
                spans.append(Span("\(prefix)sending…  ", style: style))
            } else if account.outboxQueued > 0 {
                spans.append(Span("\(prefix)outbox: \(account.outboxQueued) queued  ", style: style))
            }
        }
        if state.isSearching { spans.append(.trusted("searching…  ", style: style)) }
        if let view = state.folder, view.isLoaded, view.rowCount > 0, let selected = view.list.selected {
            let total = view.rowCount
            spans.append(.trusted("\(NumberText.count(selected + 1))/\(NumberText.count(total))", style: style))
        }
        return Line(spans)
    }

    static func connectionText(_ connection: ConnectionState) -> String? {
        switch connection {
        case .local, .connected: return nil
        case .connecting: return "connecting…"
        case .idle: return "IDLE"
        case .offline(let reason, let retry):
            if let retry { return "offline: \(reason) (retry in \(Int(retry))s)" }
            return "offline: \(reason)"
        }
    }

    /// `[####      ]` with the filled part in the progress style.
    static func progressBar(done: Int, total: Int, width: Int, theme: UITheme) -> [Span] {
        let filled = total > 0 ? min(width, max(0, done * width / total)) : 0
        return [
            .trusted("[", style: theme[.status]),
            .trusted(String(repeating: "#", count: filled), style: theme[.statusProgress]),
            .trusted(String(repeating: " ", count: width - filled), style: theme[.status]),
            .trusted("]", style: theme[.status]),
        ]
    }
}
