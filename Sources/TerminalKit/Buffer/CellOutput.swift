/// What a terminal screen writes for one cell: the pure part of ``NcursesScreen``'s output, kept apart
/// so tests can check exactly which code points could ever reach the terminal.
public enum CellOutput {
    /// The code points to write for `cell`: its base and up to four combining marks, never ZWJ,
    /// variation selectors, skin-tone modifiers, other format characters or controls.
    ///
    /// When the C library's width of the base (`systemWidth`, `wcwidth` in the running locale) differs
    /// from the cell's width, or the base is a control (a trusted string that broke its promise), the
    /// cell is written as `fallback` followed, for a wide cell, by a space: the terminal and the grid
    /// then agree on every position even where their width tables do not.
    ///
    /// - Parameters:
    ///   - cell: a non-continuation cell.
    ///   - fallback: a glyph of width 1 (U+FFFD, or `?` when the locale cannot show it).
    ///   - systemWidth: the C library's width of a code point (-1 for unprintable).
    /// - Returns: one array per terminal cell to write (two for a wide fallback, else one).
    public static func codePoints(for cell: Cell, fallback: Unicode.Scalar,
                                  systemWidth: (UInt32) -> Int) -> [[UInt32]] {
        let width = Int(cell.width)
        var result: [UInt32] = []
        for (i, s) in cell.text.unicodeScalars.enumerated() {
            if i == 0 {
                guard !Sanitizer.isUnsafe(s), s.value >= 0x20, systemWidth(s.value) == width else {
                    return width == 2 ? [[fallback.value], [0x20]] : [[fallback.value]]
                }
                result.append(s.value)
            } else if TextWidth.isCombining(s), s.value != 0xFE0E, s.value != 0xFE0F, result.count < 5,
                      systemWidth(s.value) == 0 {
                result.append(s.value)
            }
        }
        if result.isEmpty { return width == 2 ? [[fallback.value], [0x20]] : [[fallback.value]] }
        return [result]
    }
}
