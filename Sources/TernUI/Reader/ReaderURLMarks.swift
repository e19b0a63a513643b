import MailCore

/// Marks the URLs of a paragraph before it is wrapped, so that their places (and the `[n]` numbers
/// added after them) can be found in the wrapped lines.
///
/// The marks are variation selectors (U+FE00 to U+FE02): zero columns wide, never a break
/// opportunity for ``WordWrap``, and never in a URL. Text from a message has its own variation
/// selectors of that range replaced first (``neutralise(_:)``), so the marks are unambiguous.
enum ReaderURLMarks {
    /// Ends a URL.
    static let urlEnd: Unicode.Scalar = "\u{FE00}"
    /// Starts a `[n]` number.
    static let numberStart: Unicode.Scalar = "\u{FE01}"
    /// Ends a `[n]` number.
    static let numberEnd: Unicode.Scalar = "\u{FE02}"

    /// `text` with U+FE00 to U+FE02 replaced by U+FE0F (another, harmless, variation selector).
    static func neutralise(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xFE00 && $0.value <= 0xFE02 }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(s.value >= 0xFE00 && s.value <= 0xFE02 ? "\u{FE0F}" : s)
        }
        return String(out)
    }

    /// UTF-8 `bytes` with U+FE00 to U+FE02 (`EF B8 80` to `EF B8 82`) replaced by U+FE0F.
    static func neutralise(bytes: inout [UInt8]) {
        var i = 0
        let n = bytes.count
        while i + 2 < n {
            if bytes[i] == 0xEF, bytes[i + 1] == 0xB8, bytes[i + 2] >= 0x80, bytes[i + 2] <= 0x82 { bytes[i + 2] = 0x8F }
            i += 1
        }
    }

    /// `text` with each URL followed by an end mark and ` [n]` (its number from `registry`), and
    /// the UTF-8 length of each URL in order (for ``strip(_:offset:lengths:)``).
    static func mark(_ text: String, registry: inout ReaderURLRegistry) -> (text: String, lengths: [Int]) {
        let found = URLDetector.detect(in: text)
        guard !found.isEmpty else { return (text, []) }
        var out = ""
        var lengths: [Int] = []
        var last = text.startIndex
        for url in found {
            out += text[last..<url.range.upperBound]
            lengths.append(text[url.range].utf8.count)
            let number = registry.number(for: url.url)
            out.unicodeScalars.append(urlEnd)
            out += " "
            out.unicodeScalars.append(numberStart)
            out += "[\(number)]"
            out.unicodeScalars.append(numberEnd)
            last = url.range.upperBound
        }
        out += text[last...]
        return (out, lengths)
    }

    /// A wrapped line without its marks, and the spans of its URLs and numbers (UTF-8 offsets
    /// into the clean text).
    ///
    /// - Parameters:
    ///   - line: a line of wrapped, marked text.
    ///   - offset: added to every span (the width of a prefix put before the line).
    ///   - lengths: the lengths of the URLs still to come, from ``mark(_:registry:)``; one is
    ///     taken for each URL of the line.
    static func strip(_ line: String, offset: Int, lengths: inout ArraySlice<Int>) -> (text: String, spans: [ReaderSpan]) {
        guard line.unicodeScalars.contains(where: { $0.value >= 0xFE00 && $0.value <= 0xFE02 }) else {
            return (line, [])
        }
        var out = String.UnicodeScalarView()
        var spans: [ReaderSpan] = []
        var bytes = 0
        var numberStartByte: Int?
        for s in line.unicodeScalars {
            switch s {
            case urlEnd:
                let length = lengths.popFirst() ?? 0
                spans.append(ReaderSpan(range: (offset + max(0, bytes - length))..<(offset + bytes), key: .url))
            case numberStart:
                numberStartByte = bytes
            case numberEnd:
                if let start = numberStartByte {
                    spans.append(ReaderSpan(range: (offset + start)..<(offset + bytes), key: .url, isNumber: true))
                }
                numberStartByte = nil
            default:
                out.append(s)
                bytes += UTF8.width(s)
            }
        }
        return (String(out), spans)
    }
}

/// Numbers the URLs of a document in order of first appearance; a URL seen again keeps its number.
struct ReaderURLRegistry: Sendable {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `url`, assigning the next one the first time.
    mutating func number(for url: String) -> Int {
        if let n = numbers[url] { return n }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }

    /// The number already given to `url`, if any.
    func existing(_ url: String) -> Int? { numbers[url] }
}
