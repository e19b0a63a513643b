/// One entity of a MIME message (RFC 2045 §2.4): its header section and body, as byte ranges
/// of the message buffer. Nothing is decoded until asked.
public struct MIMEPart: Sendable {
    /// What the body is.
    public indirect enum Body: Sendable {
        /// A leaf: the body bytes are content.
        case single
        /// A multipart: children, plus preamble and epilogue ranges (RFC 2046 §5.1.1).
        case multipart(parts: [MIMEPart], preamble: Range<Int>, epilogue: Range<Int>)
        /// An embedded message (`message/rfc822`, `message/global`): its root entity.
        case message(MIMEPart)
    }

    /// The part's header section (for the root: the message's header).
    public let header: HeaderSection
    /// The content type; the RFC 2045 default when missing or unreadable.
    public let contentType: ContentType
    /// True when the content type came from a valid `Content-Type` field.
    public let hasExplicitContentType: Bool
    /// The content disposition, if any.
    public let disposition: ContentDisposition?
    /// The transfer encoding (`7bit` when absent).
    public let transferEncoding: TransferEncoding
    /// True when a `Content-Transfer-Encoding` field was present.
    public let hasExplicitTransferEncoding: Bool
    /// The buffer the ranges refer to (shared, not copied).
    public let buffer: [UInt8]
    /// The whole entity, header included.
    public let range: Range<Int>
    /// The body (for a multipart: preamble to epilogue).
    public let bodyRange: Range<Int>
    /// Children or embedded message.
    public let body: Body
    /// What the parser noticed about this entity.
    public let notes: [ParseNote]

    init(header: HeaderSection, contentType: ContentType, hasExplicitContentType: Bool,
         disposition: ContentDisposition?, transferEncoding: TransferEncoding, hasExplicitTransferEncoding: Bool,
         buffer: [UInt8], range: Range<Int>, bodyRange: Range<Int>, body: Body, notes: [ParseNote]) {
        self.header = header
        self.contentType = contentType
        self.hasExplicitContentType = hasExplicitContentType
        self.disposition = disposition
        self.transferEncoding = transferEncoding
        self.hasExplicitTransferEncoding = hasExplicitTransferEncoding
        self.buffer = buffer
        self.range = range
        self.bodyRange = bodyRange
        self.body = body
        self.notes = notes
    }

    /// The body bytes as they are in the message (still transfer-encoded).
    public var rawBody: ArraySlice<UInt8> { buffer[bodyRange] }

    /// The whole entity's bytes, header included.
    public var rawBytes: ArraySlice<UInt8> { buffer[range] }

    /// The children of a multipart (empty otherwise).
    public var parts: [MIMEPart] {
        if case .multipart(let parts, _, _) = body { return parts }
        return []
    }

    /// The embedded message's root entity, for `message/rfc822` and `message/global`.
    public var embeddedMessage: MIMEPart? {
        if case .message(let root) = body { return root }
        return nil
    }

    /// True when the body holds content (not a multipart and not an embedded message).
    public var isLeaf: Bool {
        if case .single = body { return true }
        return false
    }

    /// The body after transfer decoding (base64, quoted-printable, uuencode).
    public func decodedBody() -> [UInt8] {
        buffer.withUnsafeBufferPointer { p in
            transferEncoding.decode(UnsafeBufferPointer(rebasing: p[bodyRange]))
        }
    }

    /// The `charset` parameter as written, or nil.
    public var charset: String? { contentType.charset }

    /// The body as text: transfer-decoded, converted from its charset (US-ASCII when none), line
    /// ends normalised to LF, control characters other than LF and TAB replaced by U+FFFD.
    ///
    /// - Parameter fallback: The charset for undeclared 8-bit text that is not UTF-8.
    public func text(fallback: String = CharsetDecoder.defaultFallback) -> String {
        let bytes: [UInt8]
        if case .multipart(_, let preamble, _) = body, parts.isEmpty {
            bytes = Array(buffer[preamble])  // a multipart whose boundary never appears: show its body
        } else {
            bytes = decodedBody()
        }
        return bytes.withUnsafeBufferPointer { buffer in
            // UTF-8 (and undeclared text that is valid UTF-8) is sanitised as bytes and
            // validated once; other charsets are converted first.
            let kind = CharsetName.resolve(charset)
            if kind == .utf8 || ((kind == .ascii || kind == .unknown) && CharsetDecoder.isValidUTF8(buffer)) {
                return String(decoding: TextSanitizer.bodyBytes(buffer), as: UTF8.self)
            }
            return TextSanitizer.bodyText(CharsetDecoder.decode(buffer: buffer, charset: charset, fallback: fallback))
        }
    }

    /// The file name: `Content-Disposition` filename, else the `Content-Type` name parameter,
    /// decoded and with control characters replaced; nil when neither is given or it is blank.
    public var filename: String? {
        let raw = disposition?.filename ?? contentType[parameter: "name"]
        guard let raw else { return nil }
        let clean = raw.trimmingSpaces()
        return clean.isEmpty ? nil : clean
    }

    /// The `Content-ID` without angle brackets, or nil.
    public var contentID: String? {
        guard let f = header.first("Content-ID") else { return nil }
        return MessageIDList.parse(f.value()).first?.value
    }

    /// Every part of this subtree in depth-first order, this one first (embedded messages included).
    public var allParts: [MIMEPart] {
        var out: [MIMEPart] = []
        var stack: [MIMEPart] = [self]
        while let p = stack.popLast() {
            out.append(p)
            switch p.body {
            case .single: break
            case .multipart(let parts, _, _): stack.append(contentsOf: parts.reversed())
            case .message(let root): stack.append(root)
            }
        }
        return out
    }

    /// The notes of this part and every part below it.
    public var allNotes: [ParseNote] { allParts.flatMap(\.notes) }
}
