import Foundation
import Testing
import TerminalKit

/// The folder of snapshot files (Tests/TernUITests/Snapshots).
let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

/// Expects the screen's lines to equal `expected`, showing both on failure.
func expectLines(_ lines: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let shown = lines.map { "|\($0)|" }.joined(separator: "\n")
    #expect(lines == expected, "\n\(shown)", sourceLocation: sourceLocation)
}

/// Expects the screen to match snapshot `name` (record with RECORD_SNAPSHOTS=1).
func expectSnapshot(_ screen: VirtualScreen, named name: String, legend: [Character: Style]? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let message = TextGridSnapshot.verify(lines: screen.lines, styles: legend.map { screen.styleLines(legend: $0) },
                                          name: name, directory: snapshotDirectory)
    #expect(message == nil, "\(message ?? "")", sourceLocation: sourceLocation)
}

/// Every scalar of every cell: none may be a control, a bidi control or a direction mark.
func unsafeScalars(in buffer: CellBuffer) -> [Unicode.Scalar] {
    buffer.cells.flatMap { $0.text.unicodeScalars.filter(Sanitizer.isUnsafe) }
}

/// A style legend from letters in order; a style already named keeps its first letter (a theme
/// often gives several keys the same style, and a dictionary with two letters for one style would
/// name it at random).
func legend(_ pairs: [(Character, Style)]) -> [Character: Style] {
    var seen = Set<Style>()
    var result: [Character: Style] = [:]
    for (letter, style) in pairs where !seen.contains(style) {
        seen.insert(style)
        result[letter] = style
    }
    return result
}
