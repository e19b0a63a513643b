/// Lists of message ids as in `References` and `In-Reply-To` (RFC 5322 §3.6.4).
public enum MessageIDList {
    /// The ids in angle brackets found in `text`, in order, duplicates removed; comments and
    /// other words are skipped (obs-in-reply-to allows phrases). A value with no brackets at
    /// all but one word containing `@` gives that word (some senders omit the brackets).
    ///
    /// - Parameter text: The unfolded field value.
    public static func parse(_ text: String) -> [MessageID] {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// ``parse(_:)`` of a header field: read from the field's raw bytes when they are ASCII (as
    /// nearly all ids are), without making the value's string; else from the decoded value.
    ///
    /// - Parameter field: A `Message-ID`, `In-Reply-To` or `References` field.
    static func parse(_ field: HeaderField) -> [MessageID] {
        let ids = field.rawValue.withUnsafeBufferPointer { raw -> [MessageID]? in
            guard CharsetDecoder.isASCII(raw) else { return nil }
            // White space around the value and between ids changes nothing here, but a line break
            // inside brackets does: the unfolded value joins the two lines.
            guard raw.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return parse(utf8: raw) }
            return field.unfoldedBytes.withUnsafeBufferPointer { parse(utf8: $0) }
        }
        return ids ?? parse(field.value())
    }

    /// The ids of a list past which duplicates are found with a set rather than by comparing.
    private static let linearSearchLimit = 16

    /// ``parse(_:)`` of UTF-8 `bytes` (valid UTF-8: an ASCII field value, or a string's bytes).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [MessageID] {
        var ids: [MessageID] = []
        var seen = Set<String>()
        var i = 0
        var depth = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "(") { depth += 1 }
            else if c == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            else if c == UInt8(ascii: "<"), depth == 0 {
                var j = i + 1
                while j < n, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<") { j += 1 }
                if j < n, bytes[j] == UInt8(ascii: ">") {
                    let inner = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j])
                    // The usual id, printable ASCII without spaces, is its own text (no sanitising
                    // and filtering by Character: this runs for every message of a first sync).
                    // Either way the text holds no white space nor brackets, so MessageID keeps it
                    // as it is.
                    let value = inner.allSatisfy { $0 > 0x20 && $0 < 0x7F }
                        ? String(decoding: inner, as: UTF8.self)
                        : TextSanitizer.headerText(String(decoding: inner, as: UTF8.self)).filter { $0 != " " }
                    if !value.isEmpty, isNew(value, in: ids, seen: &seen) { ids.append(MessageID(unchecked: value)) }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        if ids.isEmpty {
            let text = String(decoding: bytes, as: UTF8.self)
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count == 1, let w = words.first, w.contains("@") {
                ids.append(MessageID(TextSanitizer.headerText(String(w))))
            }
        }
        return ids
    }

    /// True when `value` is not among `ids` yet; compares while the list is short (the usual
    /// one to a dozen ids), then keeps the values in `seen`.
    private static func isNew(_ value: String, in ids: [MessageID], seen: inout Set<String>) -> Bool {
        if seen.isEmpty {
            if ids.count < linearSearchLimit { return !ids.contains { $0.value == value } }
            seen = Set(ids.map(\.value))
        }
        return seen.insert(value).inserted
    }
}
