import Foundation
import MailEngine
import TerminalKit

/// Draws the outbox view: one row per message (where it stands, its age, the attempts, the
/// recipients, the subject), and under the list the selected message's details (account, id,
/// size, the last error with the step that failed, a note). Everything from a message or a
/// server is sanitised (``Span`` does it).
enum OutboxView {
    /// Lines under the list for the selected message.
    static let detailHeight = 4

    static func draw(_ state: inout AppState, into frame: inout Frame) {
        guard var screen = state.topOutbox else { return }
        let theme = state.theme
        let now = state.now
        let parts = ScreenLayout.page(size: frame.buffer.size)
        let count = screen.messages.count
        StatusLine(left: Line("Outbox"), right: Line(screen.loaded ? "\(count) message\(count == 1 ? "" : "s")" : ""),
                   style: theme[.title]).draw(into: &frame.buffer, area: parts.title)
        frame.buffer.fill(parts.body, style: theme[.normal])
        let body = parts.body
        let detail = min(detailHeight, max(0, body.height - 2))
        let listArea = Rect(x: body.x, y: body.y, width: body.width, height: body.height - detail)
        if !screen.loaded || screen.messages.isEmpty {
            MessageListView.center(screen.loaded ? "The outbox is empty: every message was sent" : "Loading…", in: listArea,
                                   buffer: &frame.buffer, style: theme[.list].adding(.dim))
        } else {
            let messages = screen.messages
            let base = theme[.list]
            let list = ListView(count: messages.count, style: base, selectedStyle: theme[.listSelected],
                                selectionMarker: "> ") { index, width in
                Self.row(messages[index], now: now, width: width, base: base, failed: theme[.error])
            }
            var listState = screen.list
            list.draw(into: &frame.buffer, area: listArea, state: &listState)
            screen.list = listState
            state.updateOutbox { $0.list = listState }
        }
        if detail > 0 {
            let lines = details(screen.selected, problems: screen.problems, now: now, theme: theme)
            for (i, line) in lines.prefix(detail).enumerated() {
                let row = Rect(x: body.x, y: body.y + body.height - detail + i, width: body.width, height: 1)
                _ = frame.buffer.put(line.truncated(toWidth: row.width), at: row.origin, base: theme[.normal], clip: row)
            }
        }
        let position = screen.list.selected.map { "\($0 + 1)/\(count)" } ?? ""
        StatusLine(left: Line("r sends now  e edits  d deletes  q closes"), right: Line(position), style: theme[.status])
            .draw(into: &frame.buffer, area: parts.status)
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status)
    }

    /// Where a message stands, in a few words: `queued`, `retry 14:05`, `held`, `FAILED`, `sent`.
    static func status(_ message: QueuedMessage) -> String {
        switch message.status {
        case .queued:
            guard message.attempts > 0 else { return "queued" }
            if let next = message.nextAttempt, next < Date.distantFuture.addingTimeInterval(-86_400) {
                return "retry \(clock(next))"
            }
            return "held"
        case .failed: return message.note == OutboxQueue.heldNote ? "editing" : "FAILED"
        case .sentCopyPending: return "sent"
        }
    }

    /// One row: `queued       3m  0  bob@example.org +1  Subject`.
    static func row(_ message: QueuedMessage, now: Date, width: Int, base: Style, failed: Style) -> Line {
        let state = status(message)
        let tries = message.attempts == 0 ? "" : "\(message.attempts)×"
        let recipients = message.recipients.first.map { $0 + (message.recipients.count > 1 ? " +\(message.recipients.count - 1)" : "") } ?? ""
        let subject = message.subject.isEmpty ? "(no subject)" : message.subject
        let recipientWidth = max(12, min(32, width / 3))
        var spans = [Span(pad(state, 12), style: message.status == .failed && state == "FAILED" ? failed : base)]
        spans.append(Span(pad(age(since: message.created, now: now), 4, right: true) + "  " + pad(tries, 3, right: true) + "  ", style: base))
        let shown = Line(recipients).truncated(toWidth: recipientWidth)
        spans += shown.spans
        spans.append(Span.trusted(String(repeating: " ", count: max(0, recipientWidth - shown.width)) + "  "))
        spans.append(Span(subject, style: base))
        return Line(spans)
    }

    /// The lines under the list: the selected message's envelope, last error and note, or the
    /// problems of the outbox folders.
    static func details(_ message: QueuedMessage?, problems: [String], now: Date, theme: UITheme) -> [Line] {
        var lines: [Line] = []
        if let message {
            var first = "\(message.account)  \(message.id)  queued \(clock(message.created))  \(ComposerView.size(message.size))"
            if message.attempts > 0 { first += "  \(message.attempts) attempt\(message.attempts == 1 ? "" : "s")" }
            if let sent = message.sentAt { first += "  sent \(clock(sent))" }
            lines.append(Line([Span(first, style: theme[.normal].adding(.dim))]))
            lines.append(Line([Span.trusted("To: ", style: theme[.composerField]),
                               Span(message.recipients.joined(separator: ", "), style: theme[.normal])]))
            if let error = message.lastError {
                let step = message.lastErrorStep.map { "\($0): " } ?? ""
                lines.append(Line([Span.trusted("Last error: ", style: theme[.error]), Span(step + error, style: theme[.error])]))
            }
            if let note = message.note {
                lines.append(Line([Span.trusted("Note: ", style: theme[.composerField]), Span(note, style: theme[.normal])]))
            }
        }
        for problem in problems { lines.append(Line([Span(problem, style: theme[.error])])) }
        return lines
    }

    /// `45s`, `3m`, `2h`, `5d`: how long ago `date` was.
    static func age(since date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    /// `14:05` in the local time zone.
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(0, width - TextWidth.width(of: text))
        let fill = String(repeating: " ", count: gap)
        return right ? fill + text : text + fill
    }
}
