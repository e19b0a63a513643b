import MailCore

/// Walks a message's part tree and makes ``ReaderContent``'s blocks.
///
/// The choices follow MailCore's body selection (``Message/bodyParts(preferring:)``):
/// `multipart/alternative` shows its best part for the preference, `multipart/related` its root,
/// `multipart/signed` its first part; parts with `Content-Disposition: attachment` are never shown
/// as text. Here every part that is not shown gets a one-line marker where it stands (except the
/// other alternatives and the resources of `multipart/related`, which the attachment screen lists),
/// and embedded messages get their own header block.
struct ReaderContentBuilder {
    var preference: BodyPreference
    var blocks: [ReaderBlock] = []
    var hasOtherAlternative = false

    init(preference: BodyPreference) {
        self.preference = preference
    }

    mutating func build(_ message: Message) {
        blocks.append(.header(ReaderHeader(message.header, depth: 0)))
        addNotes(message.root, depth: 0)
        let root = message.root
        switch root.body {
        case .single:
            leaf(root, number: "1", depth: 0)
        case .message(let inner):
            embedded(root, inner: inner, number: "1", depth: 0)
        case .multipart:
            walk(root, number: "", depth: 0)
        }
    }

    static func child(_ prefix: String, _ index: Int) -> String {
        prefix.isEmpty ? "\(index + 1)" : "\(prefix).\(index + 1)"
    }

    mutating func addNotes(_ part: MIMEPart, depth: Int) {
        for note in part.notes {
            blocks.append(.note(ReaderText.clean(note.detail), depth: depth))
        }
    }

    /// Adds the blocks of `part` (numbered `number`; "" for the root multipart).
    mutating func walk(_ part: MIMEPart, number: String, depth: Int) {
        if !number.isEmpty { addNotes(part, depth: depth) }
        switch part.body {
        case .single:
            leaf(part, number: number, depth: depth)
        case .message(let inner):
            embedded(part, inner: inner, number: number, depth: depth)
        case .multipart(let parts, _, _):
            if parts.isEmpty {
                // A multipart whose boundary never appears: its body is shown as text.
                if part.disposition?.type != "attachment" {
                    blocks.append(.text(ReaderPartText(number: number.isEmpty ? "1" : number, mimeType: "text/plain",
                                                       kind: .plain, bytes: Self.decode(part).bytes, depth: depth)))
                }
                return
            }
            switch part.contentType.subtype {
            case "alternative":
                alternative(parts, number: number, depth: depth)
            case "related":
                let start = part.contentType[parameter: "start"].map { MessageID($0).value }
                let index = start.flatMap { s in parts.firstIndex { $0.contentID == s } } ?? 0
                walk(parts[index], number: Self.child(number, index), depth: depth)
            case "encrypted":
                blocks.append(.note("This message is encrypted; tern cannot decrypt it. Its parts are listed on the attachment screen.", depth: depth))
                for (i, child) in parts.enumerated() { marker(child, number: Self.child(number, i), depth: depth) }
            default:
                for (i, child) in parts.enumerated() { walk(child, number: Self.child(number, i), depth: depth) }
            }
        }
    }

    mutating func alternative(_ parts: [MIMEPart], number: String, depth: Int) {
        let candidates = parts.enumerated().filter { $0.element.disposition?.type != "attachment" }
        // Each candidate's subtree is walked once.
        var shown: [(index: Int, blocks: [ReaderBlock])] = []
        for c in candidates {
            var sub = ReaderContentBuilder(preference: preference)
            sub.walk(c.element, number: Self.child(number, c.offset), depth: depth)
            if sub.hasOtherAlternative { hasOtherAlternative = true }
            shown.append((c.offset, sub.blocks))
        }
        func types(_ blocks: [ReaderBlock]) -> Set<String> {
            Set(blocks.compactMap { if case .text(let t) = $0 { return t.mimeType } else { return nil } })
        }
        var chosen: Int?
        for type in preference.order {
            if let match = shown.lastIndex(where: { types($0.blocks).contains(type) }) {
                chosen = match
                break
            }
        }
        if chosen == nil { chosen = shown.lastIndex { !$0.blocks.isEmpty } }
        let allTypes = shown.reduce(into: Set<String>()) { $0.formUnion(types($1.blocks)) }
        if allTypes.contains("text/plain") && allTypes.contains("text/html") { hasOtherAlternative = true }
        if let chosen { blocks += shown[chosen].blocks }
        // Attachments inside an alternative (rare) are still marked.
        for (i, child) in parts.enumerated() where child.disposition?.type == "attachment" {
            marker(child, number: Self.child(number, i), depth: depth)
        }
    }

    mutating func leaf(_ part: MIMEPart, number: String, depth: Int) {
        guard part.contentType.isText, part.disposition?.type != "attachment" else {
            marker(part, number: number, depth: depth)
            return
        }
        let subtype = part.contentType.subtype
        let kind: ReaderPartText.Kind
        if subtype == "html" {
            kind = .html
        } else if subtype == "plain", part.contentType[parameter: "format"]?.lowercased() == "flowed" {
            kind = .flowed(delSp: part.contentType[parameter: "delsp"]?.lowercased() == "yes")
        } else {
            kind = .plain
        }
        let (bytes, note) = Self.decode(part)
        if let note { blocks.append(.note(note, depth: depth)) }
        blocks.append(.text(ReaderPartText(number: number, mimeType: part.contentType.mimeType, kind: kind,
                                           bytes: bytes, depth: depth)))
    }

    mutating func marker(_ part: MIMEPart, number: String, depth: Int) {
        if case .message(let inner) = part.body {
            embedded(part, inner: inner, number: number, depth: depth)
            return
        }
        blocks.append(.marker(Self.marker(for: part, number: number, depth: depth)))
    }

    mutating func embedded(_ part: MIMEPart, inner: MIMEPart, number: String, depth: Int) {
        var start = Self.marker(for: part, number: number, depth: depth)
        start.subject = ReaderText.clean(inner.header.text("Subject") ?? "")
        start.size = part.rawBody.count
        blocks.append(.embeddedStart(start))
        blocks.append(.header(ReaderHeader(inner.header, depth: depth + 1)))
        addNotes(inner, depth: depth + 1)
        switch inner.body {
        case .single:
            leaf(inner, number: Self.child(number, 0), depth: depth + 1)
        case .message(let deeper):
            embedded(inner, inner: deeper, number: Self.child(number, 0), depth: depth + 1)
        case .multipart:
            walk(inner, number: number, depth: depth + 1)
        }
        blocks.append(.embeddedEnd(number: number, depth: depth))
    }

    static func marker(for part: MIMEPart, number: String, depth: Int) -> ReaderPartMarker {
        ReaderPartMarker(number: number, filename: part.filename.map { ReaderText.clean($0) },
                         mimeType: part.contentType.mimeType, size: part.isLeaf ? ReaderText.decodedSize(part) : part.rawBody.count,
                         charset: part.charset.map { ReaderText.clean($0) }, depth: depth, subject: nil)
    }

    /// The text of a part as sanitised UTF-8 (what ``MIMEPart/text(fallback:)`` gives, decoded
    /// once), and a note when its charset is unknown or its bytes are not valid in it.
    static func decode(_ part: MIMEPart) -> (bytes: [UInt8], note: String?) {
        let decoded: [UInt8]
        if case .multipart(_, let preamble, _) = part.body, part.parts.isEmpty {
            decoded = Array(part.buffer[preamble])
        } else {
            decoded = part.decodedBody()
        }
        let label = part.charset
        let type = part.contentType.mimeType
        var note: String?
        var bytes: [UInt8] = decoded.withUnsafeBufferPointer { buffer in
            let kind = CharsetName.resolve(label)
            let valid = ReaderText.isValidUTF8(buffer)
            if let label, kind == .unknown || (!CharsetDecoder.isKnown(label)) {
                note = "Part \(type) declares the unknown charset \"\(ReaderText.clean(label))\"; "
                    + (valid ? "it is shown as UTF-8." : "it is shown as \(CharsetDecoder.defaultFallback); some characters may be wrong.")
            }
            if kind == .utf8 || ((kind == .ascii || kind == .unknown) && valid) {
                if kind == .utf8, !valid {
                    note = "Part \(type) is not valid UTF-8; the broken bytes show as \u{FFFD}."
                }
                return TextSanitizer.bodyBytes(buffer)
            }
            let text = CharsetDecoder.decode(buffer, charset: label)
            if case .iconv(let name) = kind, note == nil, text.unicodeScalars.contains("\u{FFFD}") {
                note = "Part \(type) has bytes that are not valid \(ReaderText.clean(name)); they show as \u{FFFD}."
            }
            return Array(TextSanitizer.bodyText(text).utf8)
        }
        ReaderURLMarks.neutralise(bytes: &bytes)
        return (bytes, note)
    }
}
