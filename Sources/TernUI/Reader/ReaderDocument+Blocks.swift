import MailCore
import TernConfig

extension ReaderDocument {
    /// The header block: From, To, Cc, Date, Subject (names aligned), or every field.
    mutating func addHeader(_ header: ReaderHeader) {
        ensureBlank()
        if options.showAllHeaders {
            for field in header.allFields {
                addField(field.name + ": ", field.value, key: .headerValue, indent: 4)
            }
        } else {
            let date = header.date.map { ReaderText.date($0, zone: options.timeZone) } ?? header.rawDate ?? ""
            let fields: [(String, String, ThemeKey)] = [
                ("From:    ", header.from, .headerFrom), ("To:      ", header.to, .headerValue),
                ("Cc:      ", header.cc, .headerValue), ("Date:    ", date, .headerValue),
                ("Subject: ", header.subject, .headerSubject),
            ]
            for (name, value, key) in fields where !value.isEmpty || name.hasPrefix("Subject") {
                addField(name, value.isEmpty ? "(no subject)" : value, key: key, indent: name.count)
            }
        }
        lines.append(.blank)
    }

    /// One field, the value wrapped with a hanging indent.
    mutating func addField(_ name: String, _ value: String, key: ThemeKey, indent: Int) {
        let nameWidth = DisplayWidth.of(name)
        let available = max(10, options.width - max(nameWidth, indent))
        let wrapped = WordWrap.wrap(value, width: available)
        for (i, piece) in wrapped.enumerated() {
            if i == 0 {
                let text = name + piece
                lines.append(ReaderLine(text: text, key: key,
                                        spans: [ReaderSpan(range: 0..<name.utf8.count, key: .headerName)], kind: .header))
            } else {
                lines.append(ReaderLine(text: String(repeating: " ", count: indent) + piece, key: key, kind: .header))
            }
        }
    }

    mutating func addMarker(_ marker: ReaderPartMarker) {
        if let last = lines.last, last.kind == .body { ensureBlank() }
        lines.append(ReaderLine(text: marker.text, key: .attachment, kind: .marker(number: marker.number)))
    }

    mutating func addEmbeddedStart(_ marker: ReaderPartMarker) {
        ensureBlank()
        lines.append(ReaderLine(text: "── " + marker.text + " ──", key: .attachment, kind: .embedded(number: marker.number)))
    }

    mutating func addEmbeddedEnd(_ number: String) {
        ensureBlank()
        lines.append(ReaderLine(text: "── end of [\(number)] ──", key: .attachment, kind: .embedded(number: number)))
    }

    mutating func addNote(_ text: String) {
        if let last = lines.last, last.kind == .body { ensureBlank() }
        let wrapped = WordWrap.wrap("[note] " + text, width: max(10, options.width))
        for (i, piece) in wrapped.enumerated() {
            lines.append(ReaderLine(text: i == 0 ? piece : "       " + piece, key: .warning, kind: .note))
        }
    }

    // MARK: - Raw source

    /// Lays out about a hundred lines of the raw message.
    mutating func stepRaw() {
        let bytes = message.bytes
        var produced = 0
        while produced < 100 {
            guard rawOffset < bytes.count else {
                isComplete = true
                return
            }
            var end = rawOffset
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > rawOffset, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let text = ReaderText.clean(String(decoding: bytes[rawOffset..<lineEnd], as: UTF8.self), keepTabs: true)
            for piece in WordWrap.wrap(text, width: options.width) {
                lines.append(ReaderLine(text: piece, key: .body, kind: .raw))
                produced += 1
            }
            rawOffset = end + 1
        }
    }
}
