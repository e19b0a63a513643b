/// Subjects as threading compares them: reply and forward markers and list tags removed.
public enum ThreadSubject {
    /// Reply and forward markers in the languages mail clients write them in, lower case, without
    /// the colon: `Re:`, `Fwd:`, `AW:` (German), `SV:` (Nordic), `Antw:` (Dutch), `Odp:` (Polish),
    /// `R:`/`RIF:` (Italian), `TR:` (French), `Ynt:` (Turkish), `回复:` (Chinese), ...
    static let markers: Set<String> = [
        "re", "fw", "fwd", "aw", "wg", "sv", "vs", "vb", "antw", "antwort", "doorst", "r", "rif", "i", "tr",
        "ref", "réf", "rép", "odp", "pd", "ynt", "ilt", "atb", "vá", "továbbítás", "vl", "enc", "res",
        "rv", "απ", "σχετ", "πρθ", "отв", "отвәт", "пересл", "回复", "答复", "转发", "回覆", "轉寄", "轉送",
        "返信", "転送", "답장", "전달", "رد", "תשובה",
    ]

    /// The subject without leading reply/forward markers (`Re:`, `Re[2]:`, `AW:`, ...), mailing
    /// list tags (`[list]`), a trailing `(fwd)`, surrounding white space, and with runs of white
    /// space collapsed and letters in lower case, so that `Re: [dev] AW: Hello  World` and
    /// `hello world` compare equal.
    public static func base(_ subject: String) -> String {
        strip(subject).base
    }

    /// True when the subject starts with a reply or forward marker (after any list tags).
    public static func isReplyOrForward(_ subject: String) -> Bool {
        strip(subject).hadMarker
    }

    /// The base subject and whether a reply or forward marker was removed.
    static func strip(_ subject: String) -> (base: String, hadMarker: Bool) {
        if subject.utf8.allSatisfy({ $0 < 0x80 }) { return stripASCII(Array(subject.utf8)) }
        var s = Substring(subject)
        var hadMarker = false
        var changed = true
        while changed {
            changed = false
            s = s.drop(while: { $0.isWhitespace })
            if s.first == "[", let close = s.prefix(80).firstIndex(of: "]") {
                s = s[s.index(after: close)...]
                changed = true
                continue
            }
            if let rest = strippingMarker(s) {
                s = rest
                changed = true
                hadMarker = true
            }
        }
        while s.hasSuffix("(fwd)") || s.hasSuffix("(FWD)") || s.hasSuffix("(Fwd)") {
            s = s.dropLast(5)
        }
        return (s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased(), hadMarker)
    }

    /// `s` after a leading marker such as `Re:`, `Re[2]:`, `Re(3):` or `Re :`, or nil.
    private static func strippingMarker(_ s: Substring) -> Substring? {
        var i = s.startIndex
        var count = 0
        while i < s.endIndex, s[i].isLetter, count < 12 {
            i = s.index(after: i)
            count += 1
        }
        guard count > 0 else { return nil }
        let word = s[s.startIndex..<i].lowercased()
        guard markers.contains(word) else { return nil }
        // Optional counter: [2] or (2).
        if i < s.endIndex, s[i] == "[" || s[i] == "(" {
            let close: Character = s[i] == "[" ? "]" : ")"
            var j = s.index(after: i)
            while j < s.endIndex, s[j].isNumber { j = s.index(after: j) }
            guard j < s.endIndex, s[j] == close else { return nil }
            i = s.index(after: j)
        }
        while i < s.endIndex, s[i] == " " { i = s.index(after: i) }
        guard i < s.endIndex, s[i] == ":" || s[i] == "\u{FF1A}" else { return nil }
        return s[s.index(after: i)...]
    }

    private static let asciiMarkers: Set<[UInt8]> = Set(markers.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) })

    /// ``strip(_:)`` for ASCII subjects, on bytes (the common case, and the hot one when threading
    /// a large folder).
    private static func stripASCII(_ s: [UInt8]) -> (base: String, hadMarker: Bool) {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        func isLetter(_ c: UInt8) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
        var i = 0
        let n = s.count
        var hadMarker = false
        while true {
            while i < n, isSpace(s[i]) { i += 1 }
            if i < n, s[i] == 0x5B, let close = s[i..<min(n, i + 80)].firstIndex(of: 0x5D) {
                i = close + 1
                continue
            }
            // A marker: letters, an optional [n] or (n), optional spaces, a colon.
            var j = i
            while j < n, isLetter(s[j]), j - i < 12 { j += 1 }
            guard j > i, asciiMarkers.contains(s[i..<j].map { $0 | 0x20 }) else { break }
            if j < n, s[j] == 0x5B || s[j] == 0x28 {
                let close: UInt8 = s[j] == 0x5B ? 0x5D : 0x29
                var k = j + 1
                while k < n, s[k] >= 0x30 && s[k] <= 0x39 { k += 1 }
                guard k < n, s[k] == close else { break }
                j = k + 1
            }
            while j < n, s[j] == 0x20 { j += 1 }
            guard j < n, s[j] == 0x3A else { break }
            i = j + 1
            hadMarker = true
        }
        var end = n
        while end - i >= 5, s[(end - 5)..<end].map({ $0 | 0x20 }) == Array("(fwd)".utf8) { end -= 5 }
        var out: [UInt8] = []
        out.reserveCapacity(end - i)
        var pendingSpace = false
        for c in s[i..<end] {
            if isSpace(c) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        return (String(decoding: out, as: UTF8.self), hadMarker)
    }
}
