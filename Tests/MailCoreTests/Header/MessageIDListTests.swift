import Testing
@testable import MailCore

/// Message-id lists read from bytes (a field's raw value, or a string's UTF-8) give what the
/// string reading of the unfolded value gave.
@Suite struct MessageIDListTests {
    /// The reading before ids were read from bytes: the reference the byte reading must match.
    static func reference(_ text: String) -> [MessageID] {
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

    /// The field of `value` (raw bytes after the colon).
    static func field(_ value: [UInt8]) -> HeaderField? {
        HeaderSection(parsing: Array("References:".utf8) + value + Array("\r\n\r\n".utf8)).fields.first
    }

    @Test(arguments: [
        "<a@b> (comment <x@y>) <c@d>\r\n <a@b>", "bare@example.org", "no id here", "", " <a@b>", "<a\r\n @b>",
        "<a@b\r\n>", "<x y@z>", "<\u{1}@q>", "<é@x>", "<>", "<a@b", "a@b>", "<<a@b>>", "((<a@b>)) <c@d>", ") <a@b>",
        " \t bare@x \t", "two words@x", "<a@b> <A@B> <a@b>", "<a\t@b>", "café@x", "=?utf-8?q?x?= <a@b>",
    ])
    func readsAsTheStringReading(text: String) throws {
        #expect(MessageIDList.parse(text) == Self.reference(text))
        let field = try #require(Self.field(Array(text.utf8)))
        #expect(MessageIDList.parse(field) == Self.reference(field.value()))
    }

    /// Raw values with folds, 8-bit bytes (some not UTF-8), comments, control characters and long
    /// lists with duplicates: the field's ids are those of its unfolded, decoded value.
    @Test func generatedFieldsReadAsTheirValue() {
        var generator = GeneratedHeaders(seed: 7)
        var fast = 0
        for round in 0 ..< 20000 {
            let raw = round % 5 == 0 ? generator.longIDList() : generator.value()
            guard let field = Self.field(raw) else { continue }
            let expected = Self.reference(field.value())
            #expect(MessageIDList.parse(field) == expected, "\(String(decoding: raw, as: UTF8.self).debugDescription)")
            #expect(MessageIDList.parse(field.value()) == expected)
            if field.rawValue.allSatisfy({ $0 < 0x80 }), !expected.isEmpty { fast += 1 }
        }
        #expect(fast > 3000)
    }

    /// Past the length of the linear duplicate search, duplicates are still removed in order.
    @Test func longListsKeepTheFirstOfEachID() {
        let text = (0 ..< 100).map { "<\($0 % 37)@x>" }.joined(separator: " ")
        let ids = MessageIDList.parse(text)
        #expect(ids == (0 ..< 37).map { MessageID("\($0)@x") })
        #expect(ids == Self.reference(text))
    }
}
