import MailCore

/// One unit of a text part for layout: a source line of plain text, a paragraph of flowed text, a
/// rendered line of HTML.
struct ReaderUnit {
    /// The quote depth.
    var depth: Int
    /// The text after the quote prefix (or the whole line, when ``wraps`` is false).
    var content: String
    /// True for the signature separator `-- `.
    var isSeparator: Bool
    /// Wrap the content to the width (with a normalised quote prefix); false for lines that are
    /// already laid out (HTML), shown as they are.
    var wraps: Bool
}

/// The units of a text part, by position; `next` positions are increasing and `end` is past the last.
protocol ReaderUnitSource {
    /// The position past the last unit.
    var end: Int { get }
    /// The unit at `position` and the position of the next one.
    func unit(at position: Int) -> (unit: ReaderUnit, next: Int)
}

/// The lines of a plain-text part, read one at a time from its bytes (a 20 MB log costs nothing
/// until it is scrolled through).
struct PlainUnits: ReaderUnitSource {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var end: Int {
        // A final line feed does not start another (empty) line.
        bytes.last == 0x0A ? bytes.count - 1 : bytes.count
    }

    func unit(at position: Int) -> (unit: ReaderUnit, next: Int) {
        var i = position
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        let line = String(decoding: bytes[position..<i], as: UTF8.self)
        let (depth, content) = QuoteLevel.parse(Substring(line))
        let unit = ReaderUnit(depth: depth, content: String(content),
                              isSeparator: PlainTextLines.isSignatureSeparator(content), wraps: true)
        return (unit, i + 1)
    }
}

/// Units held in an array (flowed paragraphs, rendered HTML lines).
struct ArrayUnits: ReaderUnitSource {
    let units: [ReaderUnit]
    var end: Int { units.count }
    func unit(at position: Int) -> (unit: ReaderUnit, next: Int) { (units[position], position + 1) }
}

extension ArrayUnits {
    /// The paragraphs of a flowed part.
    static func flowed(_ text: String, delSp: Bool) -> ArrayUnits {
        ArrayUnits(units: FlowedText.decode(text, delSp: delSp).map {
            ReaderUnit(depth: $0.quoteDepth, content: $0.text, isSeparator: $0.isSignatureSeparator, wraps: true)
        })
    }

    /// The lines of rendered HTML, each with the quote depth of its `> ` prefix.
    static func rendered(_ lines: [Substring]) -> ArrayUnits {
        ArrayUnits(units: lines.map { line in
            let (depth, content) = QuoteLevel.parse(line)
            return ReaderUnit(depth: depth, content: String(line),
                              isSeparator: PlainTextLines.isSignatureSeparator(content), wraps: false)
        })
    }
}
