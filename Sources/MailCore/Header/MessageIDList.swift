/// Lists of message ids as in `References` and `In-Reply-To` (RFC 5322 §3.6.4).
public enum MessageIDList {
    /// The ids in angle brackets found in `text`, in order, duplicates removed; comments and
    /// other words are skipped (obs-in-reply-to allows phrases). A value with no brackets at
    /// all but one word containing `@` gives that word (some senders omit the brackets).
    ///
    /// - Parameter text: The unfolded field value.
    public static func parse(_ text: String) -> [MessageID] {
        var ids: [MessageID] = []
        var seen = Set<String>()
        let bytes = Array(text.utf8)
        var i = 0
        var depth = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "(") { depth += 1 }
            else if c == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            else if c == UInt8(ascii: "<"), depth == 0 {
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<") { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ">") {
                    let inner = bytes[(i + 1)..<j]
                    // The usual id, printable ASCII without spaces, is its own text (no sanitising
                    // and filtering by Character: this runs for every message of a first sync).
                    let value = inner.allSatisfy { $0 > 0x20 && $0 < 0x7F }
                        ? String(decoding: inner, as: UTF8.self)
                        : TextSanitizer.headerText(String(decoding: inner, as: UTF8.self)).filter { $0 != " " }
                    if !value.isEmpty, seen.insert(value).inserted { ids.append(MessageID(value)) }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        if ids.isEmpty {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count == 1, let w = words.first, w.contains("@") {
                ids.append(MessageID(TextSanitizer.headerText(String(w))))
            }
        }
        return ids
    }
}
