import Foundation
import Testing
@testable import TerminalKit

/// The folder of snapshot files (Tests/TerminalKitTests/Snapshots).
let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

/// Draws a stateful widget on a fresh virtual screen.
func render<W: StatefulWidget>(_ widget: W, state: inout W.State, size: Size, area: Rect? = nil) -> VirtualScreen {
    var copy = state
    let screen = VirtualScreen.render(size: size) { buffer, full in
        widget.draw(into: &buffer, area: area ?? full, state: &copy)
    }
    state = copy
    return screen
}

/// Expects the screen's lines to equal `expected`, showing both on failure.
func expectLines(_ screen: VirtualScreen, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let shown = screen.lines.map { "|\($0)|" }.joined(separator: "\n")
    #expect(screen.lines == expected, "\n\(shown)", sourceLocation: sourceLocation)
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

/// The sizes every widget must survive.
let tinySizes: [Size] = [Size(width: 20, height: 5), Size(width: 1, height: 1), Size(width: 0, height: 0),
                         Size(width: 2, height: 1), Size(width: 1, height: 3), Size(width: 3, height: 2)]
