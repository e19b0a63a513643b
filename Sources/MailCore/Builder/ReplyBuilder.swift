/// Replies and forwards: a ``MessageBuilder`` filled in from an original message.
public enum ReplyBuilder {
    /// The subject of a reply: `Re: ` added unless the subject already starts with a reply
    /// prefix (`Re:`, `RE:`, `Re[2]:`, `AW:`, `SV:`, `Antw:`), so it is never doubled.
    public static func replySubject(_ subject: String?) -> String {
        let s = (subject ?? "").trimmingSpaces()
        return hasPrefix(s, ["re", "aw", "sv", "antw", "vs", "odp"]) ? s : "Re: " + s
    }

    /// The subject of a forward: `Fwd: ` added unless already there (`Fwd:`, `Fw:`, `WG:`, `TR:`).
    public static func forwardSubject(_ subject: String?) -> String {
        let s = (subject ?? "").trimmingSpaces()
        return hasPrefix(s, ["fwd", "fw", "wg", "tr", "vb", "rv"]) ? s : "Fwd: " + s
    }

    static func hasPrefix(_ s: String, _ prefixes: [String]) -> Bool {
        let lower = s.lowercased()
        for p in prefixes where lower.hasPrefix(p) {
            var rest = lower.dropFirst(p.count)
            if rest.hasPrefix("[") {
                rest = rest.drop { $0 != "]" }.dropFirst()
            }
            if rest.hasPrefix(":") { return true }
        }
        return false
    }

    /// The attribution line: `On DATE, NAME wrote:` (DATE as the original wrote it in its zone).
    public static func attribution(_ envelope: Envelope, header: HeaderSection) -> String {
        let who = envelope.from.first.map { $0.name ?? $0.address } ?? "someone"
        if let raw = header.first("Date")?.value(), let d = MailDate.parse(raw) {
            return "On \(d.rfc5322), \(who) wrote:"
        }
        return "\(who) wrote:"
    }

    /// Text quoted for a reply: each line prefixed with `> ` (`>` before an existing quote or
    /// an empty line, so no trailing white space is added).
    public static func quote(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.map { line in
            line.isEmpty ? ">" : (line.hasPrefix(">") ? ">" + line : "> " + line)
        }.joined(separator: "\n")
    }

    /// The text of a message to quote or forward: its shown plain parts, or when it has only
    /// HTML, that HTML with tags removed (crudely: a proper HTML-to-text conversion belongs to
    /// the caller, who can pass it as `quotedText`).
    static func plainText(of message: Message) -> String {
        let parts = message.bodyParts(preferring: .plainText)
        let texts = parts.map { p -> String in
            let t = p.part.text()
            if p.part.contentType.subtype == "html" { return stripTags(t) }
            if p.part.contentType[parameter: "format"]?.lowercased() == "flowed" {
                return FlowedText.unflow(t, delSp: p.part.contentType[parameter: "delsp"]?.lowercased() == "yes")
            }
            return t
        }
        return texts.joined(separator: "\n")
    }

    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        return out
    }

    /// A reply to `original`.
    ///
    /// To is the original's Reply-To (else From); when the original came from one of
    /// `identities`, the reply goes to its To instead. For reply-all, the original's To and Cc
    /// are added as Cc. Nobody appears twice and none of `identities` is a recipient (unless
    /// that leaves no recipient at all). Subject gets `Re:` once; In-Reply-To is the original's
    /// Message-ID; References are the original's References (else In-Reply-To) plus its id.
    /// - Parameters:
    ///   - original: The message replied to.
    ///   - identity: The From of the reply.
    ///   - identities: Every address of the user (`identity` is always included).
    ///   - all: Reply to all recipients.
    ///   - text: The new text, written above the quote.
    ///   - quotedText: The original's text when the caller converted it (e.g. from HTML).
    public static func reply(to original: Message, from identity: Address, identities: [Address] = [],
                             all: Bool = false, text: String = "", quotedText: String? = nil) -> MessageBuilder {
        let e = original.envelope
        let me = identities + [identity]
        func isMine(_ a: Address) -> Bool { me.contains { $0.isSameMailbox(as: a) } }
        var to = e.replyAddresses
        let fromMe = e.from.contains(where: isMine)
        if fromMe { to = e.to.filter(\.isUsable) }
        var cc: [Address] = []
        if all {
            cc = (e.to + e.cc).filter(\.isUsable)
        }
        var seen = Set<String>()
        func unique(_ list: [Address]) -> [Address] {
            list.filter { !isMine($0) && seen.insert($0.comparisonKey).inserted }
        }
        var finalTo = unique(to)
        let finalCc = unique(cc)
        if finalTo.isEmpty && finalCc.isEmpty { finalTo = to.isEmpty ? e.from.filter(\.isUsable) : to }

        var b = MessageBuilder(from: identity)
        b.to = finalTo
        b.cc = finalCc
        b.subject = replySubject(e.subject)
        if let id = e.messageID {
            b.inReplyTo = [id]
            var refs = e.references.isEmpty ? e.inReplyTo : e.references
            refs.removeAll { $0 == id }
            b.references = refs + [id]
        }
        let quoted = quote(quotedText ?? plainText(of: original))
        var body = text
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        if !body.isEmpty { body += "\n" }
        body += attribution(e, header: original.header) + "\n" + quoted + "\n"
        b.text = body
        return b
    }

    /// A forward of `original` with its text inline under a `Forwarded message` header block,
    /// and its attachments attached again.
    public static func forwardInline(_ original: Message, from identity: Address, text: String = "",
                                     quotedText: String? = nil) -> MessageBuilder {
        let e = original.envelope
        var b = MessageBuilder(from: identity)
        b.subject = forwardSubject(e.subject)
        var lines = ["---------- Forwarded message ----------"]
        if !e.from.isEmpty { lines.append("From: " + e.from.map(\.description).joined(separator: ", ")) }
        if let d = original.header.first("Date")?.text() { lines.append("Date: " + d) }
        if let s = e.subject { lines.append("Subject: " + s) }
        if !e.to.isEmpty { lines.append("To: " + e.to.map(\.description).joined(separator: ", ")) }
        if !e.cc.isEmpty { lines.append("Cc: " + e.cc.map(\.description).joined(separator: ", ")) }
        var body = text
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        if !body.isEmpty { body += "\n" }
        body += lines.joined(separator: "\n") + "\n\n" + (quotedText ?? plainText(of: original))
        if !body.hasSuffix("\n") { body += "\n" }
        b.text = body
        b.attachments = original.attachments().map { a in
            let p = a.part
            let name = p.filename ?? SafeFileName.make(nil, mimeType: p.contentType.mimeType)
            if p.embeddedMessage != nil {
                return OutgoingAttachment(filename: name, content: .message(Array(p.rawBody)))
            }
            return OutgoingAttachment(filename: name, content: .file(p.decodedBody()), contentType: p.contentType.mimeType)
        }
        return b
    }

    /// A forward of `original` attached whole as `message/rfc822`.
    public static func forwardAsAttachment(_ original: Message, from identity: Address, text: String = "") -> MessageBuilder {
        let e = original.envelope
        var b = MessageBuilder(from: identity)
        b.subject = forwardSubject(e.subject)
        b.text = text
        let name = SafeFileName.make((e.subject?.isEmpty == false ? e.subject! : "message") + ".eml")
        b.attachments = [OutgoingAttachment(filename: name, content: .message(original.bytes))]
        return b
    }
}
