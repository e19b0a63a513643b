/// One attribute of a start tag, its value with character references decoded.
struct HTMLAttribute: Equatable {
    var name: String
    var value: String
}

/// What the tokenizer yields. Comments, doctypes, processing instructions and bogus markup are
/// consumed and not reported.
enum HTMLToken: Equatable {
    /// Character data with references decoded (raw text of `<script>`-like elements is not decoded).
    case text(String)
    /// A start tag: lower-case name, the attributes the renderer uses, and whether it ended in `/>`.
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    /// An end tag with its lower-case name.
    case endTag(name: String)
}

/// A tolerant HTML tokenizer over UTF-8 bytes, after the HTML standard's tokenization rules,
/// simplified where the difference cannot show in rendered text.
///
/// It never fails: a `<` that starts no tag is text, an unterminated comment runs to the end of
/// the input (as in browsers), a tag cut off by the end of the input is dropped, attributes may be
/// quoted with `"` or `'` or not at all. `<![CDATA[...]]>` yields its content as text. Every byte is
/// looked at a bounded number of times, so the work is linear in the input.
struct HTMLTokenizer {
    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var rawTextEnd: [UInt8]? // lower-case name of the raw-text element we are inside
    private var rawTextDecodes = false
    private var text: [UInt8] = []

    /// Attribute names worth keeping; the renderer looks at no others.
    static let keptAttributes: Set<String> = [
        "href", "alt", "style", "hidden", "start", "type", "value", "reversed", "colspan", "width", "height",
        "role", "title", "src",
    ]

    private static let rawTextNames: Set<String> = Set(HTMLTag.allCases.filter(\.isRawText).map(\.name))

    /// A tokenizer over `input`, which must stay valid while the tokenizer is used.
    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// The next token, or nil at the end of the input.
    mutating func next() -> HTMLToken? {
        if let end = rawTextEnd {
            rawTextEnd = nil
            return rawText(until: end)
        }
        text.removeAll(keepingCapacity: true)
        let n = input.count
        while position < n {
            let c = input[position]
            if c == UInt8(ascii: "<") {
                let kind = markupKind(at: position)
                if kind == .none {
                    text.append(c)
                    position += 1
                    continue
                }
                if !text.isEmpty { return .text(String(decoding: text, as: UTF8.self)) }
                switch kind {
                case .startTag:
                    if let token = startTag() { return token }
                case .endTag:
                    if let token = endTag() { return token }
                case .comment:
                    skipComment()
                case .cdata:
                    if let content = cdata() { return .text(content) }
                case .bogus:
                    skipBogus()
                case .none:
                    break
                }
            } else if c == UInt8(ascii: "&") {
                if let end = HTMLEntities.decodeReference(input, at: position, inAttribute: false, into: &text) {
                    position = end
                } else {
                    text.append(c)
                    position += 1
                }
            } else {
                text.append(c)
                position += 1
            }
        }
        return text.isEmpty ? nil : .text(String(decoding: text, as: UTF8.self))
    }

    // MARK: - Markup

    private enum MarkupKind { case none, startTag, endTag, comment, cdata, bogus }

    private func byte(_ i: Int) -> UInt8 { i < input.count ? input[i] : 0 }

    private func markupKind(at i: Int) -> MarkupKind {
        let c = byte(i + 1)
        if isLetter(c) { return .startTag }
        switch c {
        case UInt8(ascii: "/"):
            let d = byte(i + 2)
            if isLetter(d) { return .endTag }
            return i + 2 < input.count ? .bogus : .none
        case UInt8(ascii: "!"):
            if byte(i + 2) == UInt8(ascii: "-") && byte(i + 3) == UInt8(ascii: "-") { return .comment }
            if matches(i + 2, "[CDATA[") { return .cdata }
            return .bogus
        case UInt8(ascii: "?"):
            return .bogus
        default:
            return .none
        }
    }

    private mutating func startTag() -> HTMLToken? {
        var j = position + 1
        let nameStart = j
        while j < input.count, !isSpace(input[j]), input[j] != UInt8(ascii: "/"), input[j] != UInt8(ascii: ">") { j += 1 }
        let name = lowercased(nameStart..<j)
        position = j
        guard let (attributes, selfClosing) = attributes() else { return nil }
        if Self.rawTextNames.contains(name), let tag = HTMLTagNames.knownTag(name), tag.isRawText {
            rawTextEnd = Array(name.utf8)
            rawTextDecodes = tag.decodesReferencesInRawText
            if tag == .plaintext { rawTextEnd = [] }
        }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func endTag() -> HTMLToken? {
        var j = position + 2
        let nameStart = j
        while j < input.count, !isSpace(input[j]), input[j] != UInt8(ascii: "/"), input[j] != UInt8(ascii: ">") { j += 1 }
        let name = lowercased(nameStart..<j)
        position = j
        guard attributes() != nil else { return nil }
        return .endTag(name: name)
    }

    /// Reads attributes up to and including the closing `>`; nil when the input ends first.
    private mutating func attributes() -> ([HTMLAttribute], Bool)? {
        var result: [HTMLAttribute] = []
        var j = position
        let n = input.count
        var selfClosing = false
        while true {
            while j < n, isSpace(input[j]) || input[j] == UInt8(ascii: "/") {
                selfClosing = input[j] == UInt8(ascii: "/")
                j += 1
            }
            guard j < n else {
                position = n
                return nil
            }
            if input[j] == UInt8(ascii: ">") {
                position = j + 1
                return (result, selfClosing)
            }
            selfClosing = false
            let nameStart = j
            j += 1
            while j < n, !isSpace(input[j]), input[j] != UInt8(ascii: "/"), input[j] != UInt8(ascii: ">"), input[j] != UInt8(ascii: "=") {
                j += 1
            }
            let nameRange = nameStart..<j
            while j < n, isSpace(input[j]) { j += 1 }
            var valueRange = j..<j
            if j < n, input[j] == UInt8(ascii: "=") {
                j += 1
                while j < n, isSpace(input[j]) { j += 1 }
                if j < n, input[j] == UInt8(ascii: "\"") || input[j] == UInt8(ascii: "'") {
                    let quote = input[j]
                    var k = j + 1
                    while k < n, input[k] != quote { k += 1 }
                    guard k < n else {
                        position = n
                        return nil
                    }
                    valueRange = (j + 1)..<k
                    j = k + 1
                } else {
                    let valueStart = j
                    while j < n, !isSpace(input[j]), input[j] != UInt8(ascii: ">") { j += 1 }
                    valueRange = valueStart..<j
                }
            }
            let name = lowercased(nameRange)
            if Self.keptAttributes.contains(name), !result.contains(where: { $0.name == name }) {
                result.append(HTMLAttribute(name: name, value: decodedAttribute(valueRange)))
            }
        }
    }

    private func decodedAttribute(_ range: Range<Int>) -> String {
        if !UnsafeBufferPointer(rebasing: input[range]).contains(UInt8(ascii: "&")) {
            return String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let slice = UnsafeBufferPointer(rebasing: input[..<range.upperBound])
        while i < range.upperBound {
            if input[i] == UInt8(ascii: "&"),
               let end = HTMLEntities.decodeReference(slice, at: i, inAttribute: true, into: &out) {
                i = end
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func skipComment() {
        let n = input.count
        var k = position + 4
        // "<!-->" and "<!--->" are complete (empty) comments.
        if byte(k) == UInt8(ascii: ">") {
            position = k + 1
            return
        }
        if byte(k) == UInt8(ascii: "-") && byte(k + 1) == UInt8(ascii: ">") {
            position = k + 2
            return
        }
        while k < n {
            if input[k] == UInt8(ascii: "-") && byte(k + 1) == UInt8(ascii: "-") {
                if byte(k + 2) == UInt8(ascii: ">") {
                    position = k + 3
                    return
                }
                if byte(k + 2) == UInt8(ascii: "!") && byte(k + 3) == UInt8(ascii: ">") {
                    position = k + 4
                    return
                }
            }
            k += 1
        }
        position = n
    }

    private mutating func cdata() -> String? {
        let start = position + 9
        var k = start
        let n = input.count
        while k < n {
            if input[k] == UInt8(ascii: "]") && byte(k + 1) == UInt8(ascii: "]") && byte(k + 2) == UInt8(ascii: ">") { break }
            k += 1
        }
        position = min(k + 3, n)
        guard k > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<min(k, n)]), as: UTF8.self)
    }

    private mutating func skipBogus() {
        var k = position + 1
        while k < input.count, input[k] != UInt8(ascii: ">") { k += 1 }
        position = min(k + 1, input.count)
    }

    /// The content of a raw-text element up to `</name` (not consumed), or to the end of input.
    private mutating func rawText(until name: [UInt8]) -> HTMLToken? {
        let n = input.count
        let start = position
        var k = start
        var end = n
        if !name.isEmpty {
            while k < n {
                if input[k] == UInt8(ascii: "<"), byte(k + 1) == UInt8(ascii: "/"), matchesName(k + 2, name) {
                    let after = byte(k + 2 + name.count)
                    if isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">") || k + 2 + name.count >= n {
                        end = k
                        break
                    }
                }
                k += 1
            }
        }
        position = end
        guard end > start else { return next() }
        if rawTextDecodes {
            text.removeAll(keepingCapacity: true)
            let slice = UnsafeBufferPointer(rebasing: input[..<end])
            var i = start
            while i < end {
                if input[i] == UInt8(ascii: "&"), let e = HTMLEntities.decodeReference(slice, at: i, inAttribute: false, into: &text) {
                    i = e
                } else {
                    text.append(input[i])
                    i += 1
                }
            }
            return .text(String(decoding: text, as: UTF8.self))
        }
        return .text(String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self))
    }

    // MARK: - Bytes

    private func matches(_ i: Int, _ literal: StaticString) -> Bool {
        guard i + literal.utf8CodeUnitCount <= input.count else { return false }
        return literal.withUTF8Buffer { lit in
            for k in 0..<lit.count where input[i + k] != lit[k] { return false }
            return true
        }
    }

    private func matchesName(_ i: Int, _ name: [UInt8]) -> Bool {
        guard i + name.count <= input.count else { return false }
        for k in 0..<name.count where input[i + k] | 0x20 != name[k] { return false }
        return true
    }

    private func lowercased(_ range: Range<Int>) -> String {
        let source = UnsafeBufferPointer(rebasing: input[range])
        guard source.contains(where: { $0 >= 0x80 }) == false else {
            var bytes = [UInt8](source)
            for k in bytes.indices where bytes[k] >= UInt8(ascii: "A") && bytes[k] <= UInt8(ascii: "Z") { bytes[k] |= 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: source.count) { buffer in
            for k in 0..<source.count {
                let c = source[k]
                buffer[k] = c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
            }
            return source.count
        }
    }

    @inline(__always) private func isLetter(_ c: UInt8) -> Bool { c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z") }

    @inline(__always) private func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D
    }
}
