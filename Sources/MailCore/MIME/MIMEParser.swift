/// Builds the ``MIMEPart`` tree of a message (RFC 2045, RFC 2046 §5) in one forward pass over
/// the bytes, never copying content. Never fails: malformed structure is read as well as it can
/// be and described by ``ParseNote``s.
struct MIMEParser {
    let buffer: [UInt8]
    let p: UnsafeBufferPointer<UInt8>
    let limits: ParseLimits
    let fallback: String
    var scanner = BoundaryScanner()
    var partCount = 0
    var tooManyNoted = false

    /// Parses `buffer` as a message.
    static func parse(_ buffer: [UInt8], limits: ParseLimits, fallback: String) -> MIMEPart {
        buffer.withUnsafeBufferPointer { p in
            if p.baseAddress == nil || p.isEmpty { return emptyPart(buffer) }
            var parser = MIMEParser(buffer: buffer, p: p, limits: limits, fallback: fallback)
            return parser.parseEntity(at: 0, depth: 0, topLevel: true, defaultType: .defaultPlain).part
        }
    }

    private static func emptyPart(_ buffer: [UInt8]) -> MIMEPart {
        MIMEPart(header: HeaderSection(), contentType: .defaultPlain, hasExplicitContentType: false,
                 disposition: nil, transferEncoding: .sevenBit, hasExplicitTransferEncoding: false,
                 buffer: buffer, range: 0..<0, bodyRange: 0..<0, body: .single, notes: [])
    }

    /// Parses the entity starting at `start`; returns it and the delimiter line that ended it
    /// (nil at the end of the input).
    mutating func parseEntity(at start: Int, depth: Int, topLevel: Bool,
                              defaultType: ContentType) -> (part: MIMEPart, hit: BoundaryScanner.Hit?) {
        partCount += 1
        let h = HeaderScanner.scan(buffer, p, from: start, scanner: scanner, limits: limits, topLevel: topLevel)
        var notes = h.notes
        let header = HeaderSection(fields: h.fields)
        var contentType = defaultType
        var explicitType = false
        if let f = header.first("Content-Type") {
            if let ct = ContentType(parsing: f.unfoldedBytes, fallback: fallback) {
                contentType = ct
                explicitType = true
            } else {
                contentType = .defaultPlain
                notes.append(ParseNote(.invalidContentType, at: start,
                                       "The Content-Type \"\(f.text(fallback: fallback))\" is not valid; text/plain was assumed."))
            }
        }
        let disposition = header.first("Content-Disposition").flatMap {
            ContentDisposition(parsing: $0.unfoldedBytes, fallback: fallback)
        }
        var encoding = TransferEncoding.sevenBit
        let cteField = header.first("Content-Transfer-Encoding")
        if let f = cteField {
            encoding = TransferEncoding(f.value())
            if case .other(let name) = encoding {
                notes.append(ParseNote(.unknownTransferEncoding, at: start,
                                       "The transfer encoding \"\(TextSanitizer.headerText(name))\" is unknown; the body is shown as it is."))
            }
        }

        let buffer = self.buffer
        func make(_ bodyRange: Range<Int>, _ body: MIMEPart.Body, _ end: Int) -> MIMEPart {
            MIMEPart(header: header, contentType: contentType, hasExplicitContentType: explicitType,
                     disposition: disposition, transferEncoding: encoding, hasExplicitTransferEncoding: cteField != nil,
                     buffer: buffer, range: start..<max(start, end), bodyRange: bodyRange, body: body, notes: notes)
        }

        if let hit = h.hit {
            // A delimiter right after the header: an empty body.
            return (make(h.bodyStart..<h.bodyStart, .single, h.bodyStart), hit)
        }
        let bodyStart = h.bodyStart
        let tooDeep = depth >= limits.maxDepth
        if contentType.isMultipart || contentType.isEmbeddedMessage, tooDeep {
            notes.append(ParseNote(.nestingTooDeep, at: start,
                                   "Parts are nested deeper than \(limits.maxDepth) levels; the rest of this part is not divided."))
        }

        if contentType.isMultipart, !tooDeep {
            guard let boundary = contentType.boundary else {
                notes.append(ParseNote(.missingBoundary, at: start,
                                       "This multipart has no boundary parameter; its body is shown as text."))
                contentType = .defaultPlain
                let hit = scanner.next(from: bodyStart, in: p)
                let end = hit?.contentEnd ?? p.count
                return (make(bodyStart..<end, .single, end), hit)
            }
            let m = parseMultipart(bodyStart: bodyStart, boundary: boundary, subtype: contentType.subtype, depth: depth)
            notes += m.notes
            return (make(bodyStart..<m.end, m.body, m.end), m.hit)
        }

        if contentType.isEmbeddedMessage, !tooDeep, encoding.isIdentity {
            let (inner, hit) = parseEntity(at: bodyStart, depth: depth + 1, topLevel: false, defaultType: .defaultPlain)
            let end = hit?.contentEnd ?? p.count
            return (make(bodyStart..<end, .message(inner), end), hit)
        }

        let hit = scanner.next(from: bodyStart, in: p)
        let end = hit?.contentEnd ?? p.count
        if contentType.isEmbeddedMessage, !tooDeep {
            // An embedded message sent base64 or quoted-printable (against RFC 2046 §5.2.1):
            // decode it and parse the result as a message of its own.
            let decoded = buffer.withUnsafeBufferPointer { encoding.decode(UnsafeBufferPointer(rebasing: $0[bodyStart..<end])) }
            let inner = MIMEParser.parse(decoded, limits: remaining(depth: depth + 1), fallback: fallback)
            return (make(bodyStart..<end, .message(inner), end), hit)
        }
        return (make(bodyStart..<end, .single, end), hit)
    }

    private func remaining(depth: Int) -> ParseLimits {
        var l = limits
        l.maxDepth = max(0, limits.maxDepth - depth)
        l.maxParts = max(1, limits.maxParts - partCount)
        return l
    }

    // multipart-body = [preamble CRLF] dash-boundary transport-padding CRLF body-part
    //                  *encapsulation close-delimiter transport-padding [CRLF epilogue]
    private mutating func parseMultipart(bodyStart: Int, boundary: [UInt8], subtype: String,
                                         depth: Int) -> (body: MIMEPart.Body, end: Int, hit: BoundaryScanner.Hit?, notes: [ParseNote]) {
        var notes: [ParseNote] = []
        scanner.push(boundary)
        let level = scanner.depth - 1
        let childDefault: ContentType = (subtype == "digest") ? .defaultDigestPart : .defaultPlain
        var hit = scanner.next(from: bodyStart, in: p)
        let preamble = bodyStart..<(hit?.contentEnd ?? p.count)
        var children: [MIMEPart] = []
        let boundaryText = TextSanitizer.headerText(String(decoding: boundary, as: UTF8.self))
        while true {
            guard let h = hit else {
                scanner.pop()
                if children.isEmpty {
                    notes.append(ParseNote(.boundaryNotFound, at: bodyStart,
                                           "The boundary \"\(boundaryText)\" never appears; the body is shown as text."))
                } else {
                    notes.append(ParseNote(.missingCloseDelimiter, at: p.count,
                                           "The multipart ends without its close delimiter \"--\(boundaryText)--\"."))
                }
                let end = p.count
                return (.multipart(parts: children, preamble: preamble, epilogue: end..<end), end, nil, notes)
            }
            if h.level != level {
                // An enclosing multipart's delimiter: ours was never closed.
                scanner.pop()
                notes.append(ParseNote(.missingCloseDelimiter, at: h.lineStart,
                                       "The multipart ends without its close delimiter \"--\(boundaryText)--\"."))
                let end = h.contentEnd
                return (.multipart(parts: children, preamble: preamble, epilogue: end..<end), end, h, notes)
            }
            if h.isClose {
                scanner.pop()
                let after = scanner.next(from: h.next, in: p)
                let end = after?.contentEnd ?? p.count
                let epilogue = min(h.next, end)..<end
                return (.multipart(parts: children, preamble: preamble, epilogue: epilogue), end, after, notes)
            }
            if partCount >= limits.maxParts {
                if !tooManyNoted {
                    tooManyNoted = true
                    notes.append(ParseNote(.tooManyParts, at: h.lineStart,
                                           "The message has more than \(limits.maxParts) parts; the rest is not divided."))
                }
                // Skip to our close delimiter (or an enclosing one) without making parts.
                var skip = scanner.next(from: h.next, in: p)
                while let s = skip, s.level == level, !s.isClose { skip = scanner.next(from: s.next, in: p) }
                hit = skip
                continue
            }
            let (child, childHit) = parseEntity(at: h.next, depth: depth + 1, topLevel: false, defaultType: childDefault)
            children.append(child)
            hit = childHit
        }
    }
}

extension MIMEPart {
    /// The same part with other notes.
    func withNotes(_ notes: [ParseNote]) -> MIMEPart {
        MIMEPart(header: header, contentType: contentType, hasExplicitContentType: hasExplicitContentType,
                 disposition: disposition, transferEncoding: transferEncoding,
                 hasExplicitTransferEncoding: hasExplicitTransferEncoding, buffer: buffer, range: range,
                 bodyRange: bodyRange, body: body, notes: notes)
    }
}
