/// The MIME structure of a message as the server parsed it: BODYSTRUCTURE, or BODY without
/// extension data (RFC 9051 §7.5.2).
///
/// ```
/// S: * 3 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 1152 23)
///    ("application" "pdf" ("name" "a.pdf") NIL NIL "base64" 4554 NIL ("attachment" ("filename" "a.pdf")) NIL)
///    "mixed" ("boundary" "x") NIL NIL))
/// ```
///
/// One value describes every kind of part: a multipart has ``parts`` (its children) and no
/// body fields; a `message/rfc822` part has an ``envelope`` and its encapsulated body as the
/// only element of ``parts``; any other part is a leaf. Media types and encodings are
/// lower-cased. The parser accepts the malformed structures real servers send (see
/// `GrammarParser.parseBody()`).
public struct BodyStructure: Hashable, Sendable {
    /// `text`, `image`, `multipart`, ... (lower case).
    public var mediaType: String
    /// `plain`, `mixed`, ... (lower case).
    public var mediaSubtype: String
    /// Content-Type parameters (`charset`, `name`, `boundary`), names as sent.
    public var parameters: [BodyParameter]
    /// `Content-ID` (leaf parts only).
    public var id: String?
    /// `Content-Description` (leaf parts only).
    public var contentDescription: String?
    /// `Content-Transfer-Encoding` in lower case (leaf parts only).
    public var encoding: String?
    /// The size of the part's body in its transfer encoding, in bytes (0 for multiparts).
    public var size: Int
    /// The number of lines of a `text/*` or `message/rfc822` part, when given.
    public var lineCount: Int?
    /// The envelope of a `message/rfc822` or `message/global` part.
    public var envelope: IMAPEnvelope?
    /// The children of a multipart, or the encapsulated body of a message part.
    public var parts: [BodyStructure]
    /// `Content-MD5` (extension data).
    public var md5: String?
    /// `Content-Disposition` (extension data).
    public var disposition: BodyDisposition?
    /// `Content-Language` tags (extension data).
    public var languages: [String]
    /// `Content-Location` (extension data).
    public var location: String?
    /// True for `multipart/*` parts.
    public var isMultipart: Bool

    /// A part from its fields.
    public init(mediaType: String, mediaSubtype: String, parameters: [BodyParameter] = [], id: String? = nil,
                contentDescription: String? = nil, encoding: String? = nil, size: Int = 0, lineCount: Int? = nil,
                envelope: IMAPEnvelope? = nil, parts: [BodyStructure] = [], md5: String? = nil,
                disposition: BodyDisposition? = nil, languages: [String] = [], location: String? = nil,
                isMultipart: Bool = false) {
        self.mediaType = mediaType
        self.mediaSubtype = mediaSubtype
        self.parameters = parameters
        self.id = id
        self.contentDescription = contentDescription
        self.encoding = encoding
        self.size = size
        self.lineCount = lineCount
        self.envelope = envelope
        self.parts = parts
        self.md5 = md5
        self.disposition = disposition
        self.languages = languages
        self.location = location
        self.isMultipart = isMultipart
    }

    /// `type/subtype`.
    public var mimeType: String { mediaType + "/" + mediaSubtype }

    /// True for `message/rfc822` and `message/global` parts with an encapsulated body.
    public var isMessage: Bool { !isMultipart && envelope != nil }

    /// The value of a Content-Type parameter (name compared case-insensitively).
    public func parameter(_ name: String) -> String? {
        let lowered = name.lowercased()
        return parameters.first { $0.name.lowercased() == lowered }?.value
    }

    /// The file name from the disposition's `filename` or the type's `name` parameter.
    public var fileName: String? {
        disposition?.parameter("filename") ?? parameter("name")
    }

    /// The part at an IMAP part number (`[2, 1]` for `2.1`, RFC 9051 §6.4.5), or nil.
    /// `[]` is the whole body; for a non-multipart body, `[1]` is the body itself.
    public func part(at path: [Int]) -> BodyStructure? {
        var current = self
        for number in path {
            guard number >= 1 else { return nil }
            if current.isMultipart {
                guard number <= current.parts.count else { return nil }
                current = current.parts[number - 1]
            } else if current.isMessage, let inner = current.parts.first {
                if inner.isMultipart {
                    guard number <= inner.parts.count else { return nil }
                    current = inner.parts[number - 1]
                } else {
                    guard number == 1 else { return nil }
                    current = inner
                }
            } else {
                guard number == 1 else { return nil }
            }
        }
        return current
    }

    /// Calls `visit` for every part with its part number, depth first (the multipart
    /// containers included; the top level has the path `[]`).
    public func forEachPart(_ visit: (_ path: [Int], _ part: BodyStructure) -> Void) {
        func walk(_ part: BodyStructure, _ path: [Int]) {
            visit(path, part)
            if part.isMultipart {
                for (offset, child) in part.parts.enumerated() { walk(child, path + [offset + 1]) }
            } else if part.isMessage, let inner = part.parts.first {
                if inner.isMultipart {
                    for (offset, child) in inner.parts.enumerated() { walk(child, path + [offset + 1]) }
                } else {
                    walk(inner, path + [1])
                }
            }
        }
        walk(self, [])
    }

    /// True when some part is an attachment: its disposition says so, or it is a leaf outside
    /// `text/*` and `multipart/*` with a file name.
    public var hasAttachments: Bool {
        var found = false
        forEachPart { _, part in
            guard !found, !part.isMultipart else { return }
            if part.disposition?.kind.lowercased() == "attachment" {
                found = true
            } else if part.mediaType != "text", !part.isMessage, part.fileName != nil,
                      part.disposition?.kind.lowercased() != "inline" {
                found = true
            }
        }
        return found
    }
}

/// A parameter of a Content-Type or Content-Disposition (`charset="utf-8"`).
public struct BodyParameter: Hashable, Sendable {
    /// The name as sent (`charset`, `NAME`).
    public var name: String
    /// The value (RFC 2231 continuations are not joined by the server; decode them with MailCore).
    public var value: String

    /// A parameter from its parts.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A Content-Disposition (`attachment; filename="a.pdf"`).
public struct BodyDisposition: Hashable, Sendable {
    /// `attachment`, `inline`, ... as sent.
    public var kind: String
    /// Its parameters.
    public var parameters: [BodyParameter]

    /// A disposition from its parts.
    public init(kind: String, parameters: [BodyParameter] = []) {
        self.kind = kind
        self.parameters = parameters
    }

    /// The value of a parameter (name compared case-insensitively).
    public func parameter(_ name: String) -> String? {
        let lowered = name.lowercased()
        return parameters.first { $0.name.lowercased() == lowered }?.value
    }
}
