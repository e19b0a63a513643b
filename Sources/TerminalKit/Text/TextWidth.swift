/// Terminal column widths of Unicode scalars and strings, from TerminalKit's own tables
/// (``WidthTables``, Unicode 15.1), not from the C library's `wcwidth`.
///
/// - East Asian Wide and Fullwidth scalars take 2 columns.
/// - Combining marks (Mn, Me), Hangul medial and final jamo, variation selectors, ZWJ and other
///   format characters (Cf) take 0 columns and belong to the cell before them.
/// - Everything else takes 1 column.
///
/// A string's width is the sum over its ``CellClusters``: what a cell grid shows, which is also what
/// ``CellBuffer`` stores.
public enum TextWidth {
    /// The column width of one scalar: 0, 1 or 2. Controls count as 1 (they are drawn as placeholders).
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    /// The number of columns `text` takes once drawn into cells (after sanitising).
    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        var clusters = CellClusters(text, sanitizing: true)
        while let cluster = clusters.next() { total += cluster.width }
        return total
    }

    /// Whether the scalar is East Asian Wide or Fullwidth.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        return contains(WidthTables.wide, v)
    }

    /// Whether the scalar takes no column of its own (combining mark or format character).
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        isCombining(scalar) || isIgnorable(scalar)
    }

    /// Whether the scalar is a combining mark drawn over the preceding base (Mn, Me, Hangul jamo V/T).
    public static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return false }
        return contains(WidthTables.combining, v)
    }

    /// Whether the scalar is an invisible format character (Cf: ZWJ, ZWSP, bidi marks, BOM, tags).
    public static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x600 { return false }
        return contains(WidthTables.ignorable, v)
    }

    /// Whether the scalar is an emoji skin-tone modifier (U+1F3FB to U+1F3FF).
    static func isEmojiModifier(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar.value)
    }

    /// Binary search over sorted, disjoint ranges.
    static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = table[mid]
            if value < range.lowerBound { high = mid - 1 } else if value > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
