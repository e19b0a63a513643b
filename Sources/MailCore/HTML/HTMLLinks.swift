/// Numbers the link targets of a rendering; the same URL keeps its first number.
struct LinkRegistry {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number for `url`, assigning the next one the first time.
    mutating func number(for url: String) -> Int {
        if let n = numbers[url] { return n }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }

    /// A point to roll back to (used when a table layout attempt is abandoned).
    var mark: Int { urls.count }

    /// Forgets the links numbered after `mark`.
    mutating func rollback(to mark: Int) {
        while urls.count > mark { numbers[urls.removeLast()] = nil }
    }

    var links: [RenderedText.Link] {
        urls.enumerated().map { RenderedText.Link(number: $0.offset + 1, url: $0.element) }
    }
}

/// What to do with an `href`: which targets are listed, and how they are made safe to show.
enum LinkTarget {
    /// The URL to list for `href`, or nil for links that lead nowhere a reader can follow:
    /// empty, in-page (`#...`), `javascript:`, `vbscript:` and `data:` targets.
    ///
    /// Tabs and line breaks are removed and leading and trailing spaces trimmed (as browsers do);
    /// remaining spaces, control characters and bidi controls are percent-encoded.
    static func normalize(_ href: String) -> String? {
        // Fast path: nothing to trim, remove or encode.
        var copy = href
        let clean = copy.withUTF8 { b in
            !b.isEmpty && b[0] != UInt8(ascii: "#") && !b.contains { $0 <= 0x20 || $0 == 0x7F }
                && !DisplaySanitizer.needsSanitizing(b, allowTab: false)
        }
        if clean {
            if let scheme = scheme(of: href), ["javascript", "vbscript", "data"].contains(scheme) { return nil }
            return href
        }
        var bytes = Array(href.utf8)
        bytes.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        guard start < end, bytes[start] != UInt8(ascii: "#") else { return nil }
        let trimmed = String(decoding: bytes[start..<end], as: UTF8.self)
        if let scheme = scheme(of: trimmed), ["javascript", "vbscript", "data"].contains(scheme) { return nil }
        var safe = true
        trimmed.utf8.withContiguousStorageIfAvailable { b in
            safe = !DisplaySanitizer.needsSanitizing(b, allowTab: false) && !b.contains(0x20)
        }
        if safe { return trimmed }
        var out = ""
        for scalar in trimmed.unicodeScalars {
            if scalar == " " || DisplaySanitizer.isUnsafe(scalar, allowTab: false) || scalar == "\n" {
                var encoded: [UInt8] = []
                HTMLEntities.appendUTF8(scalar, to: &encoded)
                for b in encoded { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The lower-case scheme of `url`, or nil when it has none.
    static func scheme(of url: some StringProtocol) -> String? {
        var scheme: [UInt8] = []
        for c in url.utf8 {
            if c == UInt8(ascii: ":") { break }
            let lower = c | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isOther = (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            guard isLetter || (isOther && !scheme.isEmpty), scheme.count < 32 else { return nil }
            scheme.append(isLetter ? lower : c)
        }
        guard !scheme.isEmpty, scheme.count < url.utf8.count else { return nil }
        return String(decoding: scheme, as: UTF8.self)
    }

    /// True when the link's visible text already shows its target, so that numbering it would
    /// only repeat it: `https://example.com/` shown as `example.com`, or `mailto:a@b.example` as
    /// `a@b.example`.
    static func textShowsTarget(_ text: String, _ url: String) -> Bool {
        // Prefixes, brackets and a slash account for at most a few bytes of difference.
        guard abs(text.utf8.count - url.utf8.count) <= 16 else { return false }
        let a = comparable(text)
        return !a.isEmpty && a == comparable(url)
    }

    private static func comparable(_ s: String) -> String {
        var v = Substring(s.lowercased())
        while let f = v.first, f == " " || f == "<" || f == "\u{A0}" { v = v.dropFirst() }
        while let l = v.last, l == " " || l == ">" || l == "/" || l == "\u{A0}" { v = v.dropLast() }
        for prefix in ["mailto:", "https://", "http://"] where v.hasPrefix(prefix) {
            v = v.dropFirst(prefix.count)
            break
        }
        if s.lowercased().hasPrefix("mailto:") || v.utf8.contains(0x40), let q = v.firstIndex(of: "?") { v = v[..<q] }
        return String(v)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
