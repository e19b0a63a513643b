/// Word wrap on display width (``DisplayWidth``), for the viewer and the HTML renderer.
///
/// Rules:
/// - Lines break at spaces (U+0020, U+3000 ideographic space) and at U+200B zero-width space; the
///   spaces at a break are dropped. Spaces inside a line are kept, and so is the indentation of a
///   paragraph's first line.
/// - Between East Asian wide characters (Chinese, Japanese, Korean text has no spaces) a line may
///   break anywhere, except before closing punctuation such as `、。」）` and after opening
///   punctuation such as `「（`.
/// - A URL (a word containing `://`, or starting with `www.` or `mailto:`) is never broken: a URL
///   wider than the line gets a line of its own and overflows it.
/// - Any other word wider than the line is cut at the width.
/// - Line feeds in the input are kept as hard breaks. Tabs are expanded to 8-column stops, and the
///   characters that ``DisplaySanitizer`` replaces are replaced, so the lines are safe to display.
public enum WordWrap {
    /// The lines of `text` wrapped to `width` columns.
    ///
    /// - Parameters:
    ///   - text: one or more lines of text.
    ///   - width: the number of columns; 0 or less means no wrapping (lines are only sanitised).
    /// - Returns: the wrapped lines, without line feeds and without trailing spaces; an empty text
    ///   gives one empty line.
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        var result: [String] = []
        var string = String(text)
        string.withUTF8 { wrapUTF8($0, width: width, into: &result) }
        return result
    }

    /// True when `word` looks like a URL, which wrapping must never cut.
    public static func isURLLike(_ word: some StringProtocol) -> Bool {
        var string = String(word)
        return string.withUTF8 { isURLLike($0, 0..<$0.count) }
    }

    // MARK: - Implementation

    private struct Chunk {
        var gap: Range<Int>
        var gapWidth: Int
        var text: Range<Int>
        var width: Int
        var unbreakable: Bool
    }

    /// Wraps valid UTF-8 text (the bytes of a `String`), appending the lines to `result`.
    static func wrapUTF8(_ input: UnsafeBufferPointer<UInt8>, width: Int, into result: inout [String]) {
        if DisplaySanitizer.needsSanitizing(input) {
            let clean = DisplaySanitizer.sanitizeUTF8(input)
            clean.withUnsafeBufferPointer { wrapUTF8($0, width: width, into: &result) }
            return
        }
        var lineStart = 0
        var i = 0
        let n = input.count
        while i <= n {
            if i == n || input[i] == 0x0A {
                let line = UnsafeBufferPointer(rebasing: input[lineStart..<i])
                if line.contains(0x09) {
                    let expanded = Array(DisplayWidth.expandTabs(String(decoding: line, as: UTF8.self)).utf8)
                    expanded.withUnsafeBufferPointer { wrapLine($0, width: width, into: &result) }
                } else {
                    wrapLine(line, width: width, into: &result)
                }
                lineStart = i + 1
            }
            i += 1
        }
    }

    static func wrapLine(_ s: UnsafeBufferPointer<UInt8>, width: Int, into result: inout [String]) {
        if width <= 0 {
            var end = s.count
            while end > 0, s[end - 1] == 0x20 { end -= 1 }
            result.append(String(decoding: UnsafeBufferPointer(rebasing: s[0..<end]), as: UTF8.self))
            return
        }
        let chunks = chunk(s)
        var line: [UInt8] = []
        var column = 0
        var hasContent = false
        var isFirstLine = true

        func flush() {
            result.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
            column = 0
            hasContent = false
            isFirstLine = false
        }

        for chunk in chunks {
            if hasContent {
                if column + chunk.gapWidth + chunk.width > width {
                    flush()
                } else {
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: s[chunk.gap]))
                    column += chunk.gapWidth
                }
            } else if isFirstLine, column + chunk.gapWidth < width {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: s[chunk.gap]))
                column += chunk.gapWidth
            }
            if column + chunk.width <= width || chunk.unbreakable {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: s[chunk.text]))
                column += chunk.width
                hasContent = true
                continue
            }
            // Wider than the line: cut at the width, never before a zero-width scalar.
            if hasContent {
                flush()
            } else {
                line.removeAll(keepingCapacity: true)
                column = 0
            }
            var i = chunk.text.lowerBound
            while i < chunk.text.upperBound {
                let (scalar, length) = UTF8Scalars.decode(s, at: i)
                let w = DisplayWidth.of(scalar)
                if column + w > width && w > 0 && column > 0 { flush() }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<(i + length)]))
                column += w
                hasContent = true
                i += length
            }
        }
        if hasContent || isFirstLine { flush() }
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\u{3000}" || c == "\u{200B}"
    }

    private static func chunk(_ s: UnsafeBufferPointer<UInt8>) -> [Chunk] {
        var chunks: [Chunk] = []
        chunks.reserveCapacity(s.count / 5 + 1)
        var i = 0
        let n = s.count
        while i < n {
            let gapStart = i
            var gapWidth = 0
            while i < n {
                if s[i] == 0x20 {
                    gapWidth += 1
                    i += 1
                    continue
                }
                guard s[i] >= 0x80 else { break }
                let (scalar, length) = UTF8Scalars.decode(s, at: i)
                guard isSpace(scalar) else { break }
                gapWidth += DisplayWidth.of(scalar)
                i += length
            }
            if i == n { break }
            let wordStart = i
            var ascii = true
            while i < n {
                let c = s[i]
                if c == 0x20 { break }
                if c < 0x80 {
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Scalars.decode(s, at: i)
                if isSpace(scalar) { break }
                ascii = false
                i += length
            }
            let word = wordStart..<i
            var gap = gapStart..<wordStart
            var gapW = gapWidth
            if ascii {
                chunks.append(Chunk(gap: gap, gapWidth: gapW, text: word, width: word.count, unbreakable: isURLLike(s, word)))
                continue
            }
            if isURLLike(s, word) {
                var w = 0
                var j = word.lowerBound
                while j < word.upperBound {
                    let (scalar, length) = UTF8Scalars.decode(s, at: j)
                    w += DisplayWidth.of(scalar)
                    j += length
                }
                chunks.append(Chunk(gap: gap, gapWidth: gapW, text: word, width: w, unbreakable: true))
                continue
            }
            // Split at the break opportunities around wide characters.
            var start = word.lowerBound
            var (previous, length) = UTF8Scalars.decode(s, at: start)
            var w = DisplayWidth.of(previous)
            var j = start + length
            while j < word.upperBound {
                let (scalar, length) = UTF8Scalars.decode(s, at: j)
                let cw = DisplayWidth.of(scalar)
                if cw > 0, canBreak(between: previous, and: scalar) {
                    chunks.append(Chunk(gap: gap, gapWidth: gapW, text: start..<j, width: w, unbreakable: false))
                    gap = j..<j
                    gapW = 0
                    start = j
                    w = 0
                }
                w += cw
                previous = scalar
                j += length
            }
            chunks.append(Chunk(gap: gap, gapWidth: gapW, text: start..<word.upperBound, width: w, unbreakable: false))
        }
        return chunks
    }

    private static func canBreak(between a: Unicode.Scalar, and b: Unicode.Scalar) -> Bool {
        guard DisplayWidth.isWide(a) || DisplayWidth.isWide(b) else { return false }
        if a == "\u{200D}" { return false }
        if noBreakBefore.contains(b.value) || noBreakAfter.contains(a.value) { return false }
        // Keep Latin punctuation that follows a wide character on its line.
        if b.value < 0x80, !(b.properties.isAlphabetic || b.properties.numericType != nil) { return false }
        return true
    }

    /// Closing punctuation and small kana that must not start a line (a short kinsoku list).
    private static let noBreakBefore: Set<UInt32> = Set(
        "、。，．：；？！）」』】〕〉》〗〙〛］｝＞’”ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜～・"
            .unicodeScalars.map(\.value))

    /// Opening punctuation that must not end a line.
    private static let noBreakAfter: Set<UInt32> = Set("（「『【〔〈《〖〘〚［｛＜‘“".unicodeScalars.map(\.value))

    static func isURLLike(_ s: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        var start = word.lowerBound
        while start < word.upperBound, [0x28, 0x3C, 0x5B, 0x22, 0x27].contains(s[start]) { start += 1 }
        if hasPrefix(s, start..<word.upperBound, "www.") || hasPrefix(s, start..<word.upperBound, "mailto:") { return true }
        var i = start
        while i + 2 < word.upperBound {
            if s[i] == 0x3A && s[i + 1] == 0x2F && s[i + 2] == 0x2F { return i > start }
            i += 1
        }
        return false
    }

    private static func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: StaticString) -> Bool {
        guard range.count >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<p.count {
                let c = s[range.lowerBound + k]
                let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                if lower != p[k] { return false }
            }
            return true
        }
    }
}
