/// What one redraw produces: the cells and where the terminal cursor goes.
public struct Frame: Sendable {
    /// The cells.
    public var buffer: CellBuffer
    /// Where to show the cursor (a text field being edited), or nil to hide it.
    public var cursor: Point?

    /// Creates a blank frame of `size` with the cursor hidden.
    public init(size: Size) {
        buffer = CellBuffer(size: size)
        cursor = nil
    }

    /// The frame's area.
    public var area: Rect { buffer.bounds }
}
