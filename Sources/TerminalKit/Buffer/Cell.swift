/// One cell of a terminal grid.
///
/// A cell holds a whole grapheme as the terminal draws it: a base scalar and its combining marks (see
/// ``CellClusters``). A wide character takes two cells: the first holds the text with `width == 2`,
/// the second is a continuation (`width == 0`, empty text) that is never drawn on its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme; empty for a continuation cell.
    public var text: String
    /// 1 for a normal cell, 2 for the first cell of a wide character, 0 for its continuation.
    public var width: UInt8
    /// Colours and attributes.
    public var style: Style

    /// Creates a cell.
    public init(text: String, width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(text: " ")

    /// A space in `style`.
    public static func blank(_ style: Style) -> Cell { Cell(text: " ", width: 1, style: style) }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
