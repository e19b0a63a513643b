import Foundation
import MailCore

/// A message as text for a person (`tern read`): the main headers, the text a reader sees
/// (MailCore's body selection, decoded and sanitised), then the attachments with their part
/// numbers (for `tern attachments save`).
enum MessageText {
    /// The whole rendering.
    static func render(_ message: Message, width: Int) -> String {
        var lines: [String] = []
        let header = message.header
        if let date = header.first("Date") { lines.append("Date:    " + TextSanitizer.headerText(date.text())) }
        for name in ["From", "To", "Cc", "Reply-To"] {
            let addresses = header.addresses(name)
            if !addresses.isEmpty {
                let label = (name + ":").padding(toLength: 9, withPad: " ", startingAt: 0)
                lines.append(label + TextSanitizer.headerText(addresses.map(\.description).joined(separator: ", ")))
            }
        }
        lines.append("Subject: " + TextSanitizer.headerText(message.envelope.subject ?? "(no subject)"))
        lines.append("")
        let parts = message.bodyParts(preferring: .plainText)
        if parts.isEmpty { lines.append("(This message has no text to show; see its attachments below.)") }
        for (index, numbered) in parts.enumerated() {
            if index > 0 { lines.append("") }
            lines.append(bodyText(numbered.part, width: width))
        }
        let attachments = message.attachments(preferring: .plainText)
        if !attachments.isEmpty {
            lines.append("")
            lines.append("Attachments (save one with `tern attachments save`):")
            for numbered in attachments {
                let part = numbered.part
                let name = part.filename.map { "  \"" + TextSanitizer.fileName($0) + "\"" } ?? ""
                let size = part.isLeaf ? "  " + MessageSummary.formatSize(part.decodedBody().count) : ""
                lines.append("  \(numbered.number)  \(part.contentType.mimeType)\(size)\(name)")
            }
        }
        for note in message.notes.prefix(5) {
            lines.append("note: \(TextSanitizer.headerText("\(note)"))")
        }
        return lines.joined(separator: "\n")
    }

    /// The text of one shown part.
    static func bodyText(_ part: MIMEPart, width: Int) -> String {
        let text = part.text()
        if part.contentType.subtype == "html" {
            // TODO(lead): MailCore's HTML renderer (MailCore/HTML, the html branch) is not on main
            // yet. Once it is, replace this line with `HTMLRenderer.render(text, width: width).text`.
            return HTMLFallback.text(text)
        }
        return TextSanitizer.bodyText(text)
    }
}

/// A crude HTML-to-text conversion used until MailCore's HTML renderer lands: drops `<head>`,
/// `<script>` and `<style>`, turns block tags into line breaks, strips the other tags and
/// decodes the common entities.
enum HTMLFallback {
    static func text(_ html: String) -> String {
        var s = html
        for element in ["head", "script", "style"] {
            s = s.replacingOccurrences(of: "<\(element)\\b[^>]*>.*?</\(element)\\s*>", with: "",
                                       options: [.regularExpression, .caseInsensitive])
        }
        s = s.replacingOccurrences(of: "<(br|/p|/div|/li|/tr|/h[1-6])\\b[^>]*>", with: "\n", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<li\\b[^>]*>", with: "• ", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: value, options: .caseInsensitive)
        }
        s = s.replacingOccurrences(of: "[ \\t]+\\n", with: "\n", options: .regularExpression)
        s = s.replacingOccurrences(of: "\\n{3,}", with: "\n\n", options: .regularExpression)
        return TextSanitizer.bodyText(s.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
