import Testing
@testable import TerminalKit

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("é", 1), ("中", 2), ("Ａ", 2), ("😀", 2), ("한", 2), ("\u{301}", 0),
        ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{200B}", 0), ("\u{1160}", 0), ("\u{00AD}", 1),
        ("\u{0600}", 1), ("ア", 2), ("ｱ", 1), ("\u{3000}", 2), ("\u{20000}", 2), ("\u{2FFFD}", 2),
        ("\u{1F1E9}", 1), ("\u{E000}", 1), ("\u{0915}", 1), ("\u{093F}", 1), ("→", 1), ("\u{1FA75}", 2),
    ] as [(String, Int)])
    func scalarWidth(text: String, expected: Int) {
        let scalar = text.unicodeScalars.first!
        #expect(TextWidth.width(of: scalar) == expected, "U+\(String(scalar.value, radix: 16))")
    }

    @Test(arguments: [
        ("hello", 5), ("中文", 4), ("e\u{301}", 1), ("👍🏽", 2), ("👨‍👩‍👧", 6), ("🇩🇪", 2),
        ("a\tb", 3), ("\u{1B}[31m", 5), ("", 0), ("\u{202E}abc", 4), ("\u{200E}x", 1), ("❤️", 1),
    ] as [(String, Int)])
    func stringWidth(text: String, expected: Int) {
        #expect(TextWidth.width(of: text) == expected)
    }

    /// The tables agree with the standard library's Unicode properties on every scalar: marks (Mn, Me)
    /// are combining, format characters are zero width, and nothing is both wide and zero width.
    @Test func tablesAgreeWithUnicodeProperties() {
        var disagreements: [String] = []
        for value in UInt32(0x300)...0x10FFFF {
            // The tables are Unicode 15.1; the standard library may know newer characters.
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age,
                  age.major < 15 || (age.major == 15 && age.minor <= 1) else { continue }
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark {
                if !TextWidth.isCombining(scalar) { disagreements.append("U+\(String(value, radix: 16)) mark") }
            }
            if TextWidth.isWide(scalar) && TextWidth.isZeroWidth(scalar) {
                disagreements.append("U+\(String(value, radix: 16)) wide and zero")
            }
            if scalar.properties.isEmojiPresentation && !TextWidth.isWide(scalar) && category != .modifierSymbol
                && !(0x1F1E6...0x1F1FF).contains(value) {
                disagreements.append("U+\(String(value, radix: 16)) emoji presentation not wide")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func tablesAreSortedAndDisjoint() {
        for table in [WidthTables.wide, WidthTables.combining, WidthTables.ignorable] {
            for (a, b) in zip(table, table.dropFirst()) { #expect(a.upperBound < b.lowerBound) }
        }
    }
}
