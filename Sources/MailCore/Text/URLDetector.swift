/// A URL found in plain text.
public struct DetectedURL: Sendable, Equatable {
    /// Where the URL is in the text that was searched.
    public var range: Range<String.Index>
    /// The URL to open: the text itself, or with `http://` added before a bare `www.` address.
    public var url: String

    /// A detected URL.
    public init(range: Range<String.Index>, url: String) {
        self.range = range
        self.url = url
    }
}

/// Finds URLs in plain text, the way GitHub's autolinks and NeoMutt-like clients do.
///
/// - Recognised starts: `http://`, `https://`, `ftp://`, `mailto:` (case-insensitive), and `www.`;
///   only at the start of the text or after a character that is not a letter, digit or one of
///   `. / @ - _ : +` (so `xhttp://` and `a.www.b` are not URLs); East Asian wide characters count
///   as boundaries, since CJK text has no spaces before a URL.
/// - A URL ends at white space, a control character, `<`, `>`, `"`, `` ` ``, or CJK punctuation.
/// - Then trailing `? ! . , : ; * _ ~ '` are dropped, and a trailing `)`, `]` or `}` is dropped when
///   the URL has more closing than opening brackets of that kind, so `(see http://x.test/a_(b))`
///   keeps `http://x.test/a_(b)` and `(http://x.test)` gives `http://x.test`.
/// - A `scheme://` URL needs a host after `//`, a `www.` URL a name after the dot, and a `mailto:`
///   URL an `@` with text on both sides.
public enum URLDetector {
    /// The URLs in `text`, in order, not overlapping.
    public static func detect(in text: String) -> [DetectedURL] {
        let scalars = text.unicodeScalars
        var result: [DetectedURL] = []
        var i = scalars.startIndex
        var previous: Unicode.Scalar?
        while i < scalars.endIndex {
            let c = scalars[i]
            let canStart = previous.map(isBoundary) ?? true
            if canStart, let kind = scheme(at: i, in: scalars) {
                if let found = match(kind, from: i, in: scalars, text: text) {
                    result.append(found)
                    i = found.range.upperBound
                    previous = i > scalars.startIndex ? scalars[scalars.index(before: i)] : nil
                    continue
                }
            }
            previous = c
            i = scalars.index(after: i)
        }
        return result
    }

    private enum Kind {
        case scheme(length: Int)
        case www
        case mailto
    }

    private static func isBoundary(_ c: Unicode.Scalar) -> Bool {
        if DisplayWidth.isWide(c) { return true } // CJK text runs into URLs without spaces
        if c.properties.isAlphabetic || c.properties.numericType != nil { return false }
        return !"./@-_:+".unicodeScalars.contains(c)
    }

    private static func scheme(at i: String.UnicodeScalarView.Index, in s: String.UnicodeScalarView) -> Kind? {
        let first = s[i].value | 0x20
        guard first == 0x68 || first == 0x66 || first == 0x6D || first == 0x77 else { return nil } // h f m w
        for (prefix, kind) in [("https://", Kind.scheme(length: 8)), ("http://", .scheme(length: 7)),
                               ("ftp://", .scheme(length: 6)), ("mailto:", .mailto), ("www.", .www)]
        where hasPrefix(s, at: i, prefix) {
            return kind
        }
        return nil
    }

    private static func hasPrefix(_ s: String.UnicodeScalarView, at i: String.UnicodeScalarView.Index, _ prefix: String) -> Bool {
        var j = i
        for p in prefix.unicodeScalars {
            guard j < s.endIndex else { return false }
            let c = s[j]
            let lower = c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(UInt8(c.value + 0x20)) : c
            if lower != p { return false }
            j = s.index(after: j)
        }
        return true
    }

    private static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v <= 0x20 || (v >= 0x7F && v <= 0xA0) { return true }
        if c == "<" || c == ">" || c == "\"" || c == "`" { return true }
        if c.properties.isWhitespace { return true }
        if DisplaySanitizer.isUnsafe(c, allowTab: false) { return true }
        // CJK and fullwidth punctuation.
        return (0x3000...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v)
            || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF65).contains(v)
    }

    private static func match(_ kind: Kind, from start: String.UnicodeScalarView.Index,
                              in s: String.UnicodeScalarView, text: String) -> DetectedURL? {
        var body: [Unicode.Scalar] = []
        var indices: [String.UnicodeScalarView.Index] = []
        var i = start
        while i < s.endIndex, !isTerminator(s[i]) {
            body.append(s[i])
            indices.append(i)
            i = s.index(after: i)
        }
        var end = body.count
        var balance: [Unicode.Scalar: Int] = ["(": 0, "[": 0, "{": 0]
        for c in body {
            switch c {
            case "(", "[", "{": balance[c, default: 0] += 1
            case ")": balance["(", default: 0] -= 1
            case "]": balance["[", default: 0] -= 1
            case "}": balance["{", default: 0] -= 1
            default: break
            }
        }
        while end > 0 {
            let last = body[end - 1]
            if "?!.,:;*_~'".unicodeScalars.contains(last) {
                end -= 1
            } else if let open = opening(for: last), let b = balance[open], b < 0 {
                balance[open] = b + 1
                end -= 1
            } else {
                break
            }
        }
        let url = String(String.UnicodeScalarView(body[..<end]))
        switch kind {
        case .scheme(let length):
            guard end > length, body[length] != "/" else { return nil }
        case .www:
            guard end > 4, body[4] != "." else { return nil }
        case .mailto:
            guard let at = body[..<end].firstIndex(of: "@"), at > 7, at < end - 1 else { return nil }
        }
        let upper = end < indices.count ? indices[end] : i
        let range = start..<upper
        if case .www = kind { return DetectedURL(range: range, url: "http://" + url) }
        return DetectedURL(range: range, url: url)
    }

    private static func opening(for c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case ")": "("
        case "]": "["
        case "}": "{"
        default: nil
        }
    }
}
