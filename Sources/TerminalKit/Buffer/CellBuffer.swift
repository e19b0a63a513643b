/// A grid of styled cells: what widgets draw into and what a ``Screen`` shows.
///
/// All text drawing clips to the buffer (and to an optional clip rectangle) and never wraps: a wide
/// character that does not fit in the last column leaves a blank there and nothing on the next line.
/// Writing over half of a wide character blanks its other half, so the grid never holds a broken pair.
public struct CellBuffer: Hashable, Sendable {
    /// The grid size.
    public private(set) var size: Size
    /// The cells, row by row.
    public private(set) var cells: [Cell]

    /// Creates a buffer of blank cells.
    /// - Parameters:
    ///   - size: the grid size (0x0 is allowed).
    ///   - fill: the cell to fill it with.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.area)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y`, or a blank for positions outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Resizes the buffer, keeping the cells that still fit (the top left part).
    public mutating func resize(to newSize: Size, fill: Cell = .blank) {
        guard newSize != size else { return }
        var next = CellBuffer(size: newSize, fill: fill)
        for y in 0..<min(size.height, newSize.height) {
            for x in 0..<min(size.width, newSize.width) {
                next.cells[y * newSize.width + x] = cells[y * size.width + x]
            }
            // A wide character cut at the new right edge becomes a blank.
            if newSize.width > 0, newSize.width < size.width, next[newSize.width - 1, y].width == 2 {
                next.cells[y * newSize.width + newSize.width - 1] = .blank(next[newSize.width - 1, y].style)
            }
        }
        self = next
    }

    /// Sets every cell to `cell`.
    public mutating func clear(_ cell: Cell = .blank) {
        for i in cells.indices { cells[i] = cell }
    }

    /// Fills `rect` (clipped to the buffer) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { setCell(x: x, y: y, .blank(style)) }
        }
    }

    /// Lays `style` over the cells of `rect`: non-default colours replace, attributes add.
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                cells[y * size.width + x].style = cells[y * size.width + x].style.patched(with: style)
            }
        }
    }

    /// Replaces the style of the cells of `rect`.
    public mutating func setStyle(_ rect: Rect, to style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// Stores one cell, keeping wide pairs whole: a wide cell needs `x + 1` inside the buffer, and any
    /// wide character it partly overwrites is blanked.
    mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let w = size.width
        let i = y * w + x
        // Overwriting the right half of a wide char: blank its left half.
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        // Overwriting the left half of a wide char: blank its right half.
        if cells[i].width == 2, x + 1 < w {
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        if cell.width == 2 {
            guard x + 1 < w else {
                cells[i] = .blank(cell.style)
                return
            }
            if cells[i + 1].width == 2, x + 2 < w {
                cells[i + 2] = .blank(cells[i + 2].style)
            }
            cells[i] = cell
            cells[i + 1] = Cell(text: "", width: 0, style: cell.style)
        } else {
            cells[i] = cell
        }
    }
}
