/// How many terminal columns text takes, the way `wcwidth` and terminals count them.
///
/// - East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul syllables, fullwidth
///   forms, emoji with emoji presentation) take 2 columns.
/// - Combining marks, format characters and other zero-width characters take 0 (they join the
///   character before them).
/// - Characters that ``DisplaySanitizer`` replaces take the width of their replacement, 1, since
///   they never reach the terminal as they are. A tab counts as 1: expand tabs with
///   ``expandTabs(_:tabWidth:)`` first where columns matter.
/// - Everything else takes 1.
///
/// Widths are per Unicode scalar (Unicode 15.0 tables); an emoji ZWJ sequence counts as the sum of
/// its parts, as most terminals draw it.
public enum DisplayWidth {
    /// The number of columns (0, 1 or 2) that `scalar` takes.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 {
            return 1
        }
        if isZeroWidth(v) { return DisplaySanitizer.isUnsafe(scalar) ? 1 : 0 }
        return v >= 0x1100 && inTable(DisplayWidthTables.wide, v) ? 2 : 1
    }

    /// The number of columns that `text` takes on one line.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += of(scalar)
        }
        return total
    }

    /// True for East Asian Wide and Fullwidth characters (2 columns).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1100 && inTable(DisplayWidthTables.wide, scalar.value)
    }

    /// True for characters that take no column of their own (combining marks, zero-width space,
    /// joiners, variation selectors, ...).
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        isZeroWidth(scalar.value) && !DisplaySanitizer.isUnsafe(scalar)
    }

    /// `line` with each tab replaced by the spaces that reach the next tab stop.
    ///
    /// - Parameters:
    ///   - line: one line of text (a line feed restarts the column count).
    ///   - tabWidth: the distance between tab stops, 8 by default; values below 1 count as 1.
    public static func expandTabs(_ line: some StringProtocol, tabWidth: Int = 8) -> String {
        guard line.utf8.contains(0x09) else { return String(line) }
        let stop = max(1, tabWidth)
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\t":
                let spaces = stop - column % stop
                out.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case "\n":
                out.append(scalar)
                column = 0
            default:
                out.append(scalar)
                column += of(scalar)
            }
        }
        return String(out)
    }

    @inline(__always)
    private static func isZeroWidth(_ v: UInt32) -> Bool {
        v >= 0x300 && inTable(DisplayWidthTables.zeroWidth, v)
    }

    private static func inTable(_ table: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        if v < table[0].0 || v > table[high].1 { return false }
        while low <= high {
            let mid = (low + high) >> 1
            let range = table[mid]
            if v < range.0 {
                high = mid - 1
            } else if v > range.1 {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
