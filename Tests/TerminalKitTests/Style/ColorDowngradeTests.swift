import Testing
@testable import TerminalKit

@Suite struct ColorDowngradeTests {
    @Test(arguments: [
        (UInt8(0), UInt8(0), UInt8(0), UInt8(16)), (255, 255, 255, 231), (255, 0, 0, 196), (0, 255, 0, 46),
        (0, 0, 255, 21), (128, 128, 128, 244), (95, 135, 175, 67), (8, 8, 8, 232), (238, 238, 238, 255),
    ] as [(UInt8, UInt8, UInt8, UInt8)])
    func rgbTo256(r: UInt8, g: UInt8, b: UInt8, expected: UInt8) {
        #expect(ColorDowngrade.index256(r: r, g: g, b: b) == expected)
    }

    @Test(arguments: [
        (Color.default, 256, nil), (.red, 8, 1), (.indexed(9), 8, 1), (.indexed(9), 16, 9), (.indexed(196), 8, 1),
        (.indexed(21), 8, 4), (.rgb(255, 0, 0), 256, 196), (.rgb(255, 0, 0), 8, 1), (.rgb(250, 250, 250), 8, 7),
        (.rgb(10, 10, 10), 8, 0), (.indexed(200), 0, nil), (.red, 1, nil), (.rgb(1, 2, 3), 256, 16),
        (.rgb(255, 136, 0), 16_777_216, 0xFF8800), (.rgb(0, 0, 3), 16_777_216, 8), (.indexed(3), 16_777_216, 3),
        (.indexed(196), 16_777_216, 0xFF0000), (.red, 16_777_216, 1), (.default, 16_777_216, nil),
    ] as [(Color, Int, Int?)])
    func paletteIndex(color: Color, colors: Int, expected: Int?) {
        #expect(ColorDowngrade.paletteIndex(for: color, colors: colors) == expected)
    }

    @Test(arguments: [
        ("red", Color.red), ("default", .default), ("brightred", .indexed(9)), ("color42", .indexed(42)),
        ("42", .indexed(42)), ("#ff8800", .rgb(255, 136, 0)), ("  Blue ", .blue),
    ] as [(String, Color)])
    func parseColor(text: String, expected: Color) {
        #expect(Color(parsing: text) == expected)
        #expect(Color(parsing: expected.description) == expected)
    }

    @Test(arguments: ["", "rouge", "#12345", "#gggggg", "256", "color-1"])
    func rejectBadColor(text: String) {
        #expect(Color(parsing: text) == nil)
    }
}
