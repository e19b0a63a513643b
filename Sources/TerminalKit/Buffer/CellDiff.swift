/// A cell to write at a position: one step of flushing a frame.
public struct CellChange: Hashable, Sendable {
    /// Where.
    public var point: Point
    /// What.
    public var cell: Cell
}

extension CellBuffer {
    /// The cells that differ from `previous`, in row order: what a screen must write to turn the
    /// previous frame into this one. Every non-continuation cell when `previous` is nil or of another size.
    ///
    /// A wide cell is listed when either of its two cells changed; continuation cells are never listed
    /// (writing the wide character covers them).
    public func changes(from previous: CellBuffer?) -> [CellChange] {
        var result: [CellChange] = []
        let full = previous == nil || previous?.size != size
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let i = y * size.width + x
                let cell = cells[i]
                if cell.isContinuation { x += 1; continue }
                var changed = full
                if !changed, let old = previous {
                    changed = old.cells[i] != cell
                    if !changed, cell.width == 2, x + 1 < size.width { changed = old.cells[i + 1] != cells[i + 1] }
                }
                if changed { result.append(CellChange(point: Point(x: x, y: y), cell: cell)) }
                x += 1
            }
        }
        return result
    }
}
