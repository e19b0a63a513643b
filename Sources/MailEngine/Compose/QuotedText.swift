import MailCore

/// The text of a message as it is quoted in a reply or put in a forward: the plain text parts
/// (format=flowed undone), or HTML rendered as text when there is no plain text, with control
/// characters removed and line ends LF.
public enum QuotedText {
    /// The rendered text of `message`, HTML rendered at `width` columns.
    public static func of(_ message: Message, width: Int = 72) -> String {
        var texts: [String] = []
        for numbered in message.bodyParts(preferring: .plainText) {
            let part = numbered.part
            let raw = TextSanitizer.bodyText(part.text())
            if part.contentType.subtype == "html" {
                texts.append(HTMLRenderer.render(raw, width: width).text)
            } else if part.contentType[parameter: "format"]?.lowercased() == "flowed" {
                texts.append(FlowedText.unflow(raw, delSp: part.contentType[parameter: "delsp"]?.lowercased() == "yes"))
            } else {
                texts.append(raw)
            }
        }
        var text = texts.joined(separator: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
