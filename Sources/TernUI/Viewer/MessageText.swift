import Foundation
import MailCore
import TerminalKit
import TernConfig

/// The text of the minimal read-only message view: the usual header fields, the body parts shown as
/// text (MailCore's body selection), and a line per attachment. The full viewer of issue 8
/// replaces this.
public enum MessageText {
    /// The width HTML is laid out for (tables, rules); the view wraps longer lines.
    static let htmlWidth = 78

    /// The lines of the message in `bytes`.
    /// - Parameters:
    ///   - bytes: the complete message.
    ///   - preferHTML: show the HTML part of multipart/alternative rather than the plain text.
    ///   - theme: for header and quote styles.
    public static func lines(_ bytes: [UInt8], preferHTML: Bool, theme: UITheme) -> [Line] {
        let message = Message(bytes: bytes)
        let envelope = message.envelope
        var lines: [Line] = []
        func header(_ name: String, _ value: String, _ key: ThemeKey) {
            guard !value.isEmpty else { return }
            lines.append(Line([.trusted(name + ": ", style: theme[.headerName]), Span(value, style: theme[key])]))
        }
        header("From", envelope.from.map(\.description).joined(separator: ", "), .headerFrom)
        header("To", envelope.to.map(\.description).joined(separator: ", "), .headerValue)
        header("Cc", envelope.cc.map(\.description).joined(separator: ", "), .headerValue)
        if let date = envelope.date {
            header("Date", DateText(format: "%a, %d %b %Y %H:%M").strftime("%a, %d %b %Y %H:%M", date), .headerValue)
        }
        header("Subject", envelope.subject ?? "", .headerSubject)
        lines.append(Line([]))
        let parts = message.bodyParts(preferring: preferHTML ? .html : .plainText)
        for (index, numbered) in parts.enumerated() {
            if index > 0 { lines.append(Line([.trusted("", style: theme[.body])])) }
            let part = numbered.part
            let type = "\(part.contentType.type)/\(part.contentType.subtype)".lowercased()
            let text = TextSanitizer.bodyText(part.text())
            if type == "text/html" {
                lines += body(HTMLRenderer.render(text, width: htmlWidth).text, theme: theme)
            } else {
                lines += body(text, theme: theme)
            }
        }
        if parts.isEmpty { lines.append(Line([.trusted("(This message has no text part.)", style: theme[.body].adding(.dim))])) }
        let attachments = message.attachments(preferring: preferHTML ? .html : .plainText)
        if !attachments.isEmpty { lines.append(Line([])) }
        for attachment in attachments {
            let part = attachment.part
            let name = part.filename ?? "(no name)"
            let type = "\(part.contentType.type)/\(part.contentType.subtype)".lowercased()
            let size = NumberText.size(part.decodedBody().count)
            lines.append(Line([.trusted("[attachment] ", style: theme[.attachment]),
                               Span("\(name)  \(type)  \(size)", style: theme[.attachment])]))
        }
        for note in message.notes.prefix(5) {
            lines.append(Line([.trusted("[note] ", style: theme[.warning]), Span(String(describing: note), style: theme[.warning])]))
        }
        return lines
    }

    /// Body text as lines, quoted lines styled by depth and the signature dimmed.
    static func body(_ text: String, theme: UITheme) -> [Line] {
        var lines: [Line] = []
        var inSignature = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line == "-- " { inSignature = true }
            let depth = line.prefix { $0 == ">" || $0 == " " }.filter { $0 == ">" }.count
            let key: ThemeKey
            if inSignature { key = .signature } else {
                switch depth {
                case 0: key = .body
                case 1: key = .quote1
                case 2: key = .quote2
                case 3: key = .quote3
                default: key = .quote4
                }
            }
            lines.append(Line([Span(line, style: theme[key])]))
        }
        return lines
    }
}
