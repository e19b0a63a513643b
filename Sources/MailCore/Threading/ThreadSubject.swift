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
}
