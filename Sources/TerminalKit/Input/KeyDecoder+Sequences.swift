// CSI and SS3 sequences: ECMA-48 control sequences as xterm, VT220, rxvt and the Linux console send
// them for cursor, editing and function keys, plus mouse reports and bracketed paste markers.

extension KeyDecoder {
    private static func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(c.value) }

    /// `CSI n ~` key numbers (VT220 / xterm / rxvt).
    static let tildeKeys: [Int: Key.Code] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12), 25: .function(13), 26: .function(14), 28: .function(15),
        29: .function(16), 31: .function(17), 32: .function(18), 33: .function(19), 34: .function(20),
    ]

    /// Final bytes of `CSI 1;m X` / `SS3 X` keys.
    static let letterKeys: [UInt8: Key.Code] = [
        ascii("A"): .up, ascii("B"): .down, ascii("C"): .right, ascii("D"): .left,
        ascii("H"): .home, ascii("F"): .end, ascii("P"): .function(1), ascii("Q"): .function(2),
        ascii("R"): .function(3), ascii("S"): .function(4),
    ]

    /// The xterm modifier parameter (1 + bits: 1 shift, 2 alt, 4 control, 8 meta).
    static func modifiers(fromParameter value: Int?) -> Key.Modifiers {
        guard let value, value > 1 else { return [] }
        let bits = value - 1
        var result: Key.Modifiers = []
        if bits & 1 != 0 { result.insert(.shift) }
        if bits & 2 != 0 || bits & 8 != 0 { result.insert(.alt) }
        if bits & 4 != 0 { result.insert(.control) }
        return result
    }

    /// Parses `ESC [ ...` at `i`; nil while unfinished.
    func parseCSI(at i: Int) -> Parsed? {
        let n = buffer.count
        var j = i + 2
        guard j < n else { return nil }
        // Linux console F1-F5: ESC [ [ A..E.
        if buffer[j] == Self.ascii("[") {
            guard j + 1 < n else { return nil }
            let c = buffer[j + 1]
            if c >= Self.ascii("A") && c <= Self.ascii("E") {
                return .event(.key(.f(Int(c - Self.ascii("A")) + 1)), length: 4)
            }
            return .event(nil, length: 4)
        }
        // X10 mouse: ESC [ M b x y, each byte offset by 32.
        if buffer[j] == Self.ascii("M") {
            guard j + 3 < n else { return nil }
            return .event(Self.x10Mouse(buffer[j + 1], buffer[j + 2], buffer[j + 3]), length: 6)
        }
        let paramStart = j
        while j < n, (0x30...0x3F).contains(buffer[j]) { j += 1 }
        // rxvt ends shifted keys with `$`, which ECMA-48 would call an intermediate byte.
        while j < n, (0x20...0x2F).contains(buffer[j]), buffer[j] != Self.ascii("$") { j += 1 }
        guard j < n else { return nil }
        let final = buffer[j]
        guard (0x40...0x7E).contains(final) || final == Self.ascii("$") else {
            // Malformed: drop what was read; the offending byte is read again as a key.
            return .event(nil, length: j - i)
        }
        let length = j - i + 1
        let raw = buffer[paramStart..<j]
        if raw.first == Self.ascii("<") {
            guard final == Self.ascii("M") || final == Self.ascii("m") else { return .event(nil, length: length) }
            return .event(Self.sgrMouse(Self.numbers(raw.dropFirst()), release: final == Self.ascii("m")), length: length)
        }
        if let first = raw.first, first >= 0x3C { return .event(nil, length: length) } // other private replies
        let params = Self.numbers(raw)
        return Self.interpretCSI(params: params, final: final, length: length)
    }

    private static func interpretCSI(params: [Int?], final: UInt8, length: Int) -> Parsed {
        let p0 = params.first ?? nil
        let mods = modifiers(fromParameter: params.count > 1 ? params[1] : nil)
        if let code = letterKeys[final] {
            return .event(.key(Key(code, modifiers: mods)), length: length)
        }
        switch final {
        case ascii("~"), ascii("^"), ascii("$"), ascii("@"):
            if final == ascii("~") && p0 == 200 { return .pasteStart(length: length) }
            guard let number = p0, let code = tildeKeys[number] else { return .event(nil, length: length) }
            var m = mods
            if final == ascii("^") || final == ascii("@") { m.insert(.control) }
            if final == ascii("$") || final == ascii("@") { m.insert(.shift) }
            return .event(.key(Key(code, modifiers: m)), length: length)
        case ascii("Z"):
            return .event(.key(Key(.tab, modifiers: mods.union(.shift))), length: length)
        case ascii("a"), ascii("b"), ascii("c"), ascii("d"):
            let codes: [Key.Code] = [.up, .down, .right, .left]
            return .event(.key(Key(codes[Int(final - ascii("a"))], modifiers: .shift)), length: length)
        case ascii("u"):
            guard let value = p0, let key = csiUKey(codepoint: value, modifiers: mods) else { return .event(nil, length: length) }
            return .event(.key(key), length: length)
        default:
            return .event(nil, length: length)
        }
    }

    /// A `CSI codepoint ; modifiers u` key (fixterms / kitty keyboard protocol, basic form).
    static func csiUKey(codepoint: Int, modifiers: Key.Modifiers) -> Key? {
        var mods = modifiers
        let code: Key.Code
        switch codepoint {
        case 13: code = .enter
        case 9: code = .tab
        case 27: code = .escape
        case 127, 8: code = .backspace
        default:
            guard codepoint >= 0x20, let scalar = Unicode.Scalar(codepoint), !Sanitizer.isUnsafe(scalar) else { return nil }
            var c = Character(scalar)
            if mods.contains(.control) {
                c = Character(c.lowercased())
            } else if mods.contains(.shift) {
                c = Character(c.uppercased())
            }
            mods.remove(.shift)
            code = .character(c)
        }
        return Key(code, modifiers: mods)
    }

    /// Parses `ESC O x` at `i` (SS3: application cursor keys, F1-F4, keypad); nil while unfinished.
    func parseSS3(at i: Int) -> Parsed? {
        let n = buffer.count
        var j = i + 2
        while j < n, buffer[j] >= Self.ascii("0"), buffer[j] <= Self.ascii("9"), j - i < 6 { j += 1 }
        guard j < n else { return nil }
        let final = buffer[j]
        let length = j - i + 1
        let digits = buffer[(i + 2)..<j]
        let mods = Self.modifiers(fromParameter: digits.isEmpty ? nil : Int(String(decoding: digits, as: UTF8.self)))
        if let code = Self.letterKeys[final] { return .event(.key(Key(code, modifiers: mods)), length: length) }
        switch final {
        case Self.ascii("M"): return .event(.key(Key(.enter, modifiers: mods)), length: length)
        case Self.ascii("a"), Self.ascii("b"), Self.ascii("c"), Self.ascii("d"):
            let codes: [Key.Code] = [.up, .down, .right, .left]
            return .event(.key(Key(codes[Int(final - Self.ascii("a"))], modifiers: .control)), length: length)
        case Self.ascii("j")...Self.ascii("y"), Self.ascii("X"):
            // Keypad in application mode.
            let map: [UInt8: Character] = [
                Self.ascii("j"): "*", Self.ascii("k"): "+", Self.ascii("l"): ",", Self.ascii("m"): "-",
                Self.ascii("n"): ".", Self.ascii("o"): "/", Self.ascii("X"): "=",
            ]
            if let c = map[final] { return .event(.key(.char(c)), length: length) }
            if final >= Self.ascii("p") { return .event(.key(.char(Character(Unicode.Scalar(final - Self.ascii("p") + 0x30)))), length: length) }
            return .event(nil, length: length)
        default:
            return .event(nil, length: length)
        }
    }

    /// The decimal parameters of a sequence: `1;5` as [1, 5]; empty or non-numeric fields as nil;
    /// `:` sub-parameters are ignored.
    static func numbers(_ bytes: ArraySlice<UInt8>) -> [Int?] {
        guard !bytes.isEmpty else { return [] }
        return bytes.split(separator: ascii(";"), omittingEmptySubsequences: false).map { field in
            let main = field.prefix { $0 != ascii(":") }
            guard !main.isEmpty, main.count <= 9, main.allSatisfy({ $0 >= ascii("0") && $0 <= ascii("9") }) else { return nil }
            return main.reduce(0) { $0 * 10 + Int($1 - ascii("0")) }
        }
    }

    /// An SGR 1006 mouse report `ESC [ < b ; x ; y M|m` (1-based coordinates).
    static func sgrMouse(_ params: [Int?], release: Bool) -> InputEvent? {
        guard params.count == 3, let b = params[0], let x = params[1], let y = params[2], x >= 1, y >= 1 else { return nil }
        return mouse(button: b, x: x - 1, y: y - 1, release: release)
    }

    /// An X10 mouse report `ESC [ M b x y` (bytes offset by 32, coordinates 1-based).
    static func x10Mouse(_ b: UInt8, _ x: UInt8, _ y: UInt8) -> InputEvent? {
        guard b >= 32, x >= 33, y >= 33 else { return nil }
        let button = Int(b) - 32
        let release = button & 0b1100011 == 3
        return mouse(button: button, x: Int(x) - 33, y: Int(y) - 33, release: release)
    }

    private static func mouse(button: Int, x: Int, y: Int, release: Bool) -> InputEvent? {
        var mods: Key.Modifiers = []
        if button & 4 != 0 { mods.insert(.shift) }
        if button & 8 != 0 { mods.insert(.alt) }
        if button & 16 != 0 { mods.insert(.control) }
        let position = Point(x: x, y: y)
        if button & 128 != 0 { return nil } // buttons 8-11
        let low = button & 3
        let kind: MouseEvent.Kind
        if button & 64 != 0 {
            switch low {
            case 0: kind = .wheelUp
            case 1: kind = .wheelDown
            case 2: kind = .wheelLeft
            default: kind = .wheelRight
            }
            if release { return nil }
        } else if button & 32 != 0 {
            guard let b = MouseEvent.Button(rawValue: low) else { return .mouse(MouseEvent(kind: .move, position: position, modifiers: mods)) }
            kind = .drag(b)
        } else if release {
            kind = .release(MouseEvent.Button(rawValue: low))
        } else {
            guard let b = MouseEvent.Button(rawValue: low) else { return .mouse(MouseEvent(kind: .release(nil), position: position, modifiers: mods)) }
            kind = .press(b)
        }
        return .mouse(MouseEvent(kind: kind, position: position, modifiers: mods))
    }
}
