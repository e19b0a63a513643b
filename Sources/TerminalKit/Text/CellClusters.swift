/// One cell's worth of text: a base scalar with the zero-width scalars that follow it, and the columns
/// it takes (1 or 2).
public struct CellCluster: Equatable, Sendable {
    /// The base and its combining marks (and any invisible format characters that followed it).
    public var text: String
    /// 1 or 2 columns.
    public var width: Int
}

/// Splits text into what a cell grid shows: one ``CellCluster`` per base scalar of width 1 or 2, with
/// the zero-width scalars after it (combining marks, variation selectors, ZWJ, skin-tone modifiers
/// after an emoji) kept in the same cell.
///
/// This is how the terminal sees it too: ncurses places a cell by the width of its first scalar, and
/// the screen writes only the base and its combining marks (never ZWJ, variation selectors or skin-tone
/// modifiers), so an emoji ZWJ sequence shows as its separate emoji and never desynchronises the
/// cursor on a terminal that joins them. Unless built with `sanitizing: false`, every scalar first goes
/// through ``Sanitizer``. A combining mark with nothing before it is drawn on a space; an invisible
/// format character with nothing before it is dropped.
public struct CellClusters: IteratorProtocol {
    private var scalars: Substring.UnicodeScalarView.Iterator
    private let sanitizing: Bool
    private var pending: Unicode.Scalar?

    /// Creates the iterator over `scalars`.
    /// - Parameters:
    ///   - text: the text (not copied).
    ///   - sanitizing: map controls and bidi controls through ``Sanitizer`` (the default); pass false
    ///     only for the program's own decorations.
    public init(_ text: some StringProtocol, sanitizing: Bool = true) {
        let substring: Substring
        if let s = text as? String { substring = s[...] } else if let s = text as? Substring { substring = s } else { substring = Substring(String(text)) }
        self.scalars = substring.unicodeScalars.makeIterator()
        self.sanitizing = sanitizing
    }

    private mutating func nextScalar() -> Unicode.Scalar? {
        if let p = pending { pending = nil; return p }
        while let raw = scalars.next() {
            guard sanitizing else { return raw }
            switch Sanitizer.action(for: raw) {
            case .keep: return raw
            case .drop: continue
            case .replace(let r): return r
            }
        }
        return nil
    }

    /// The next cell cluster, or nil at the end.
    public mutating func next() -> CellCluster? {
        var base: Unicode.Scalar?
        while base == nil {
            guard let s = nextScalar() else { return nil }
            if TextWidth.isCombining(s) {
                // A mark with no base: draw it on a space.
                pending = s
                base = " "
            } else if TextWidth.isIgnorable(s) {
                continue
            } else {
                base = s
            }
        }
        guard let head = base else { return nil }
        var text = String.UnicodeScalarView()
        text.append(head)
        let width = TextWidth.width(of: head)
        while let s = nextScalar() {
            if TextWidth.isZeroWidth(s) || (width == 2 && TextWidth.isEmojiModifier(s)) {
                text.append(s)
            } else {
                pending = s
                break
            }
        }
        return CellCluster(text: String(text), width: width)
    }
}
