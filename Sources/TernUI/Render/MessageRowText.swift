import Foundation
import MailCore
import TerminalKit
import TernConfig

/// Turns one message row into the styled line the list shows.
public struct MessageRowText: Sendable {
    /// The columns.
    public var columns: ListColumns
    /// Dates.
    public var dates: DateText
    /// The time dates are relative to.
    public var now: Date
    /// The theme.
    public var theme: UITheme
    /// Show the recipient instead of the sender (Sent, Drafts).
    public var showRecipient: Bool

    /// The line of `row`.
    /// - Parameters:
    ///   - row: the message.
    ///   - thread: its thread line, in a threaded list.
    ///   - tagged: whether it is tagged.
    ///   - markedForDeletion: whether it is marked for deletion.
    ///   - selected: whether it is the selected line.
    public func line(_ row: MessageRow, thread: ThreadLine?, tagged: Bool, markedForDeletion: Bool, selected: Bool) -> Line {
        let deleted = markedForDeletion || row.flags.contains(.deleted)
        // The row's state laid over each column's own style; the selected row is one bar.
        var overlay = Style()
        if row.isUnread { overlay = overlay.patched(with: theme[.listUnread]) }
        if row.flags.contains(.flagged) { overlay = overlay.patched(with: theme[.listFlagged]) }
        if tagged { overlay = overlay.patched(with: theme[.listTagged]) }
        if deleted { overlay = theme[.listDeleted] }
        func style(_ key: ThemeKey) -> Style {
            if selected { return theme[.listSelected].adding(overlay.attributes.subtracting(.reverse)) }
            return theme[key].patched(with: overlay)
        }
        var flags = ""
        flags.append(tagged ? "*" : " ")
        flags.append(deleted ? "D" : row.isUnread ? "N" : " ")
        flags.append(row.flags.contains(.flagged) ? "F" : " ")
        flags.append(row.flags.contains(.answered) ? "r" : row.flags.contains(.forwarded) ? "f" : " ")
        flags.append(row.hasAttachments ? "@" : " ")
        var spans: [Span] = [.trusted(flags, style: style(.listFlags)), .trusted(" ", style: style(.list))]
        if columns.date > 0 {
            let text = row.date.map { dates.string($0, now: now) } ?? ""
            spans += Self.padded(text, columns.date, style(.listDate)) + [.trusted(" ", style: style(.list))]
        }
        if columns.from > 0 {
            let who = showRecipient ? "To " + row.to : row.from
            spans += Self.padded(who, columns.from, style(.listFrom)) + [.trusted(" ", style: style(.list))]
        }
        var subject: [Span] = []
        if let thread, !thread.prefix.isEmpty { subject.append(.trusted(thread.prefix, style: style(.listTree))) }
        let title = row.subject.isEmpty ? "(no subject)" : row.subject
        subject.append(Span(title, style: style(.listSubject)))
        if let thread, thread.isCollapsed, thread.hiddenCount > 0 {
            subject.append(.trusted(" (+\(thread.hiddenCount))", style: style(.listTree)))
        }
        spans += Self.fit(Line(subject), columns.subject, style(.listSubject))
        if columns.size > 0 {
            let text = NumberText.size(row.size)
            spans.append(.trusted(" " + String(repeating: " ", count: max(0, columns.size - text.count)) + text, style: style(.listSize)))
        }
        return Line(spans)
    }

    /// A line for a row that has not loaded yet.
    public func placeholder(selected: Bool) -> Line {
        let style = selected ? theme[.listSelected] : theme[.list].adding(.dim)
        return Line([.trusted(String(repeating: " ", count: ListColumns.flagsWidth + 1) + "…", style: style)])
    }

    /// `text` cut or padded to exactly `width` columns.
    static func padded(_ text: String, _ width: Int, _ style: Style) -> [Span] {
        fit(Line([Span(text, style: style)]), width, style)
    }

    /// `line` cut or padded to exactly `width` columns.
    static func fit(_ line: Line, _ width: Int, _ style: Style) -> [Span] {
        guard width > 0 else { return [] }
        let cut = line.truncated(toWidth: width)
        let pad = width - cut.width
        return cut.spans + (pad > 0 ? [.trusted(String(repeating: " ", count: pad), style: style)] : [])
    }
}
