import Foundation

/// Terminal column widths of text, for the aligned tables of `tern list` and `tern folders`.
/// Wide (East Asian) characters take two columns, combining marks none.
/// TODO(lead): use TerminalKit's width function once it is on main.
enum DisplayWidth {
    /// The columns `scalar` takes.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100 ... 0x115F).contains(v) || (0x2E80 ... 0xA4CF).contains(v) && v != 0x303F || (0xAC00 ... 0xD7A3).contains(v)
            || (0xF900 ... 0xFAFF).contains(v) || (0xFE30 ... 0xFE4F).contains(v) || (0xFF00 ... 0xFF60).contains(v)
            || (0xFFE0 ... 0xFFE6).contains(v) || (0x1F300 ... 0x1F64F).contains(v) || (0x1F900 ... 0x1F9FF).contains(v)
            || (0x20000 ... 0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// The columns `text` takes.
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` columns (with `…` when cut), then padded with spaces to exactly
    /// `width` when `pad` is set.
    static func fit(_ text: String, _ width: Int, pad: Bool = true) -> String {
        guard width > 0 else { return "" }
        var out = String.UnicodeScalarView()
        var used = 0
        let total = of(text)
        if total <= width {
            return pad ? text + String(repeating: " ", count: width - total) : text
        }
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if used + w > width - 1 { break }
            out.append(scalar)
            used += w
        }
        out.append("…")
        used += 1
        return String(out) + (pad ? String(repeating: " ", count: max(0, width - used)) : "")
    }

    /// The width of the terminal on standard output, or 80 when it is not a terminal.
    static func terminalColumns() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return 80 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
