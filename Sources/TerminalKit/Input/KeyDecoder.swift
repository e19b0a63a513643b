/// Turns the bytes a terminal sends into ``InputEvent``s: UTF-8 text, control keys, escape sequences
/// for cursor and function keys (xterm, VT220, rxvt and Linux console forms, with modifiers), Alt
/// combinations sent as an ESC prefix, bracketed paste (`ESC[200~` ... `ESC[201~`), SGR 1006 and X10
/// mouse reports, and `CSI u` keys.
///
/// Sans-I/O: feed it bytes as they arrive, in chunks of any size; the events do not depend on how the
/// bytes were split. A lone ESC (or an unfinished sequence) is held until more bytes arrive or the
/// caller decides the input has paused (the escape delay, 25 ms) and calls ``flush()``.
public struct KeyDecoder: Sendable {
    /// Sequences learnt from the terminal's description (terminfo), checked before the built-in ones.
    private let extra: [(bytes: [UInt8], key: Key)]
    var buffer: [UInt8] = []
    private var inPaste = false
    private var paste: [UInt8] = []

    /// The longest sequence held before it is given up as garbage.
    static let maxSequence = 64
    /// Paste text is delivered in pieces of at most this many bytes.
    static let maxPasteChunk = 1 << 20
    static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// Creates a decoder.
    /// - Parameter extraSequences: sequences for keys the terminal describes (terminfo `kf1`...), used
    ///   in addition to the built-in xterm / VT / rxvt / Linux console forms.
    public init(extraSequences: [[UInt8]: Key] = [:]) {
        self.extra = extraSequences.filter { $0.key.count > 1 && $0.key.first == 0x1B }
            .map { ($0.key, $0.value) }.sorted { $0.bytes.count > $1.bytes.count }
    }

    /// True when bytes are held waiting for the rest of a sequence (call ``flush()`` after the escape delay).
    public var hasPending: Bool { !buffer.isEmpty }

    /// True while inside a bracketed paste.
    public var isInPaste: Bool { inPaste }

    /// Decodes newly arrived bytes.
    /// - Parameter bytes: the bytes, in any chunking.
    /// - Returns: the complete events they finish.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        buffer.append(contentsOf: bytes)
        return decode(final: false)
    }

    /// Resolves held bytes after the input paused: a lone ESC becomes `<Esc>`, an unfinished sequence
    /// becomes the keys of its bytes (ESC + `[` as `<M-[>`). A bracketed paste in progress is kept open.
    public mutating func flush() -> [InputEvent] {
        decode(final: true)
    }

    private mutating func decode(final: Bool) -> [InputEvent] {
        var events: [InputEvent] = []
        var i = 0
        while i < buffer.count {
            if inPaste {
                i = consumePaste(from: i, into: &events)
                if inPaste { break }
                continue
            }
            switch parse(at: i, final: final) {
            case .needMore:
                buffer.removeFirst(i)
                return events
            case .event(let event, let length):
                if let event { events.append(event) }
                i += length
            case .pasteStart(let length):
                inPaste = true
                i += length
            }
        }
        buffer.removeFirst(min(i, buffer.count))
        return events
    }

    /// Collects paste bytes from `start` and ends the paste at `ESC[201~`. Returns the index of the
    /// first byte not consumed: the end of the buffer, just past the terminator, or the start of what
    /// may be a terminator split across reads (kept for the next feed).
    private mutating func consumePaste(from start: Int, into events: inout [InputEvent]) -> Int {
        let end = Self.pasteEnd
        var i = start
        while i < buffer.count {
            if buffer[i] == 0x1B {
                let available = buffer.count - i
                if available >= end.count {
                    if buffer[i..<(i + end.count)].elementsEqual(end) {
                        paste.append(contentsOf: buffer[start..<i])
                        events.append(.paste(String(decoding: paste, as: UTF8.self)))
                        paste.removeAll()
                        inPaste = false
                        return i + end.count
                    }
                } else if buffer[i...].elementsEqual(end.prefix(available)) {
                    paste.append(contentsOf: buffer[start..<i])
                    return i
                }
            }
            i += 1
        }
        paste.append(contentsOf: buffer[start..<i])
        if paste.count >= Self.maxPasteChunk {
            // Deliver a long paste in pieces, cut at a UTF-8 boundary.
            var cut = paste.count
            while cut > 0, paste[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
            if cut > 0, paste[cut - 1] >= 0xC0 { cut -= 1 }
            if cut > 0 {
                events.append(.paste(String(decoding: paste[..<cut], as: UTF8.self)))
                paste.removeFirst(cut)
            }
        }
        return i
    }

    enum Parsed {
        case needMore
        case event(InputEvent?, length: Int)
        case pasteStart(length: Int)
    }

    private func parse(at i: Int, final: Bool) -> Parsed {
        let b = buffer[i]
        if b == 0x1B { return parseEscape(at: i, final: final) }
        return parsePlain(at: i, final: final)
    }

    /// A key from one byte or one UTF-8 character.
    private func parsePlain(at i: Int, final: Bool) -> Parsed {
        let b = buffer[i]
        switch b {
        case 0x0D: return .event(.key(.enter), length: 1)
        case 0x09: return .event(.key(.tab), length: 1)
        case 0x7F: return .event(.key(.backspace), length: 1)
        case 0x00: return .event(.key(Key(.character(" "), modifiers: .control)), length: 1)
        case 0x01...0x1A: return .event(.key(.ctrl(Character(Unicode.Scalar(b + 0x60)))), length: 1)
        case 0x1B: return .event(.key(.escape), length: 1)
        case 0x1C...0x1F: return .event(.key(.ctrl(Character(Unicode.Scalar(b + 0x40)))), length: 1)
        case 0x20..<0x80: return .event(.key(.char(Character(Unicode.Scalar(b)))), length: 1)
        default: return parseUTF8(at: i, final: final)
        }
    }

    private func parseUTF8(at i: Int, final: Bool) -> Parsed {
        let b = buffer[i]
        let needed: Int
        switch b {
        case 0xC2...0xDF: needed = 2
        case 0xE0...0xEF: needed = 3
        case 0xF0...0xF4: needed = 4
        default: return .event(.key(.char("\u{FFFD}")), length: 1)
        }
        var length = 1
        while length < needed, i + length < buffer.count, buffer[i + length] & 0xC0 == 0x80 { length += 1 }
        if length < needed {
            if i + length == buffer.count && !final { return .needMore }
            return .event(.key(.char("\u{FFFD}")), length: length)
        }
        let text = String(decoding: buffer[i..<(i + needed)], as: UTF8.self)
        guard let c = text.first, text.count == 1 else { return .event(.key(.char("\u{FFFD}")), length: needed) }
        return .event(.key(.char(c)), length: needed)
    }

    private func parseEscape(at i: Int, final: Bool) -> Parsed {
        let available = buffer.count - i
        // Sequences the terminal describes.
        for (bytes, key) in extra {
            if available >= bytes.count, buffer[i..<(i + bytes.count)].elementsEqual(bytes) {
                return .event(.key(key), length: bytes.count)
            }
        }
        if !final, extra.contains(where: { $0.bytes.count > available && $0.bytes.starts(with: buffer[i...]) }) {
            return .needMore
        }
        guard available >= 2 else { return final ? .event(.key(.escape), length: 1) : .needMore }
        let next = buffer[i + 1]
        switch next {
        case UInt8(ascii: "["):
            return withFallback(parseCSI(at: i), at: i, final: final)
        case UInt8(ascii: "O"):
            return withFallback(parseSS3(at: i), at: i, final: final)
        case 0x1B:
            // ESC ESC [ ... and ESC ESC O ...: Alt plus a sequence; otherwise a plain Escape.
            if available >= 3, buffer[i + 2] == UInt8(ascii: "[") || buffer[i + 2] == UInt8(ascii: "O") {
                switch parseEscape(at: i + 1, final: final) {
                case .needMore: return .needMore
                case .event(let event, let length):
                    if case .key(var key)? = event {
                        key.modifiers.insert(.alt)
                        return .event(.key(key), length: length + 1)
                    }
                    return .event(event, length: length + 1)
                case .pasteStart: return .event(.key(.escape), length: 1)
                }
            }
            if available == 2 && !final { return .needMore }
            return .event(.key(.escape), length: 1)
        default:
            // Alt + one key.
            switch parsePlain(at: i + 1, final: final) {
            case .event(let event, let length):
                guard case .key(var key)? = event else { return .event(.key(.escape), length: 1) }
                key.modifiers.insert(.alt)
                return .event(.key(key), length: length + 1)
            case .needMore: return .needMore
            case .pasteStart: return .event(.key(.escape), length: 1)
            }
        }
    }

    /// Turns an unfinished sequence into `needMore`, or on flush into Alt + its second byte.
    private func withFallback(_ result: Parsed?, at i: Int, final: Bool) -> Parsed {
        if let result { return result }
        if !final && buffer.count - i < Self.maxSequence { return .needMore }
        // Unfinished at a pause, or too long: ESC + next byte as Alt+key, rest re-read as keys.
        var key = Key.char(Character(Unicode.Scalar(buffer[i + 1])))
        key.modifiers.insert(.alt)
        return .event(.key(key), length: 2)
    }
}
