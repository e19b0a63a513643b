/// The size of a grid in cells. Negative values are clamped to 0.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// The number of columns.
    public var width: Int
    /// The number of rows.
    public var height: Int

    /// Creates a size; negative dimensions become 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A 0x0 size.
    public static let zero = Size(width: 0, height: 0)

    /// The number of cells, `width * height`.
    public var area: Int { width * height }

    /// `80x24`.
    public var description: String { "\(width)x\(height)" }
}
