import Foundation

/// The structure of a message as the `tern mime --json` contract describes it: envelope basics
/// and the part tree with decoded parameters and sizes.
public struct MessageSummary: Sendable, Hashable, Encodable {
    /// A mailbox in the summary.
    public struct Mailbox: Sendable, Hashable, Encodable {
        /// The display name or nil.
        public var name: String?
        /// The address.
        public var address: String

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
            try c.encode(address, forKey: .address)
        }
        enum Keys: String, CodingKey { case name, address }
    }

    /// One part in the summary.
    public struct Part: Sendable, Hashable, Encodable {
        /// `type/subtype` in lower case.
        public var contentType: String
        /// Content-Type parameters, decoded.
        public var parameters: [String: String]
        /// `inline`, `attachment` or nil (unknown dispositions count as `attachment`).
        public var disposition: String?
        /// The file name, or nil.
        public var filename: String?
        /// The charset parameter, or nil.
        public var charset: String?
        /// The `Content-Transfer-Encoding` in lower case, or nil when absent.
        public var transferEncoding: String?
        /// Bytes after transfer decoding, for leaves; nil for multiparts and embedded messages.
        public var decodedSize: Int?
        /// Children of a multipart; for an embedded message, one child: its root.
        public var parts: [Part]
        /// The IMAP section number, or nil for the root multipart (not part of the JSON contract).
        public var number: String?

        enum Keys: String, CodingKey {
            case contentType = "content_type", parameters, disposition, filename, charset
            case transferEncoding = "transfer_encoding", decodedSize = "decoded_size", parts
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(contentType, forKey: .contentType)
            try c.encode(parameters, forKey: .parameters)
            try c.encode(disposition, forKey: .disposition)
            try c.encode(filename, forKey: .filename)
            try c.encode(charset, forKey: .charset)
            try c.encode(transferEncoding, forKey: .transferEncoding)
            try c.encode(decodedSize, forKey: .decodedSize)
            try c.encode(parts, forKey: .parts)
        }
    }

    /// The subject or nil.
    public var subject: String?
    /// The authors.
    public var from: [Mailbox]
    /// Primary recipients.
    public var to: [Mailbox]
    /// Copy recipients.
    public var cc: [Mailbox]
    /// The date in ISO 8601 (UTC) or nil.
    public var date: String?
    /// The Message-ID without brackets, or nil.
    public var messageID: String?
    /// The part tree.
    public var root: Part

    enum Keys: String, CodingKey { case subject, from, to, cc, date, messageID = "message_id", root }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(cc, forKey: .cc)
        try c.encode(date, forKey: .date)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(root, forKey: .root)
    }

    /// The summary of a parsed message.
    public init(_ message: Message) {
        let e = message.envelope
        func boxes(_ list: [Address]) -> [Mailbox] {
            list.filter { !$0.address.isEmpty }.map { Mailbox(name: $0.name, address: $0.address) }
        }
        subject = e.subject
        from = boxes(e.from)
        to = boxes(e.to)
        cc = boxes(e.cc)
        date = e.date.map(MailDate.iso8601)
        messageID = e.messageID?.value
        root = Self.part(message.root, number: message.root.isLeaf ? "1" : nil, prefix: "")
    }

    /// - Parameters:
    ///   - number: The part's own IMAP number (nil for a multipart that has none).
    ///   - prefix: The prefix of its children's numbers.
    static func part(_ p: MIMEPart, number: String?, prefix: String? = nil) -> Part {
        var params: [String: String] = [:]
        for param in p.contentType.parameters where params[param.name] == nil { params[param.name] = param.value }
        var children: [Part] = []
        var size: Int?
        let childPrefix = prefix ?? number ?? ""
        switch p.body {
        case .single:
            size = p.decodedBody().count
        case .multipart(let parts, _, _):
            children = parts.enumerated().map { i, c in
                let n = childPrefix.isEmpty ? "\(i + 1)" : "\(childPrefix).\(i + 1)"
                return part(c, number: n)
            }
        case .message(let inner):
            let base = number ?? "1"
            children = [inner.isLeaf ? part(inner, number: "\(base).1") : part(inner, number: nil, prefix: base)]
        }
        let disposition = p.disposition.map { $0.type == "inline" ? "inline" : "attachment" }
        return Part(contentType: p.contentType.mimeType, parameters: params, disposition: disposition,
                    filename: p.filename, charset: p.charset, transferEncoding: p.hasExplicitTransferEncoding ? p.transferEncoding.name : nil,
                    decodedSize: size, parts: children, number: number)
    }

    /// The summary as one line of JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The tree for a person: one line per part with its number, type, size, charset, encoding,
    /// disposition and file name, indented by depth.
    public func tree() -> String {
        var lines: [String] = []
        func walk(_ p: Part, depth: Int) {
            var line = String(repeating: "  ", count: depth)
            if let n = p.number { line += "\(n) " }
            line += p.contentType
            if let size = p.decodedSize { line += "  \(Self.formatSize(size))" }
            if let c = p.charset { line += "  charset=\(c)" }
            if let t = p.transferEncoding { line += "  \(t)" }
            if let d = p.disposition { line += "  \(d)" }
            if let f = p.filename { line += "  \"\(f)\"" }
            lines.append(line)
            for c in p.parts { walk(c, depth: depth + 1) }
        }
        walk(root, depth: 0)
        return lines.joined(separator: "\n")
    }

    /// `512 B`, `1.5 KB`, `2.0 MB`.
    public static func formatSize(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        let kb = Double(n) / 1024
        if kb < 1024 { return String(format: "%.1f KB", kb) }
        return String(format: "%.1f MB", kb / 1024)
    }
}
