import TerminalKit

/// The small editor the composer falls back to when no external editor can be started: lines of
/// text, a cursor, typing, Enter, Backspace/Delete joining lines, the arrows, Home/End, PageUp/Down
/// and paste. `<C-x>` or `<Esc>` finishes and keeps the text (nothing typed is ever thrown away).
public struct BuiltInEditorState: Hashable, Sendable {
    /// The lines, without their line ends (at least one, possibly empty).
    public private(set) var lines: [[Character]]
    /// The cursor's line.
    public private(set) var row = 0
    /// The cursor's position in its line, in characters.
    public private(set) var column = 0
    /// The first line shown.
    public var top = 0

    /// An editor on `text` (lines ending in LF), the cursor on line `cursorLine` (from 1).
    public init(text: String, cursorLine: Int? = nil) {
        var split = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if text.hasSuffix("\n") { split.removeLast() }
        lines = split.isEmpty ? [[]] : split
        row = min(max((cursorLine ?? 1) - 1, 0), lines.count - 1)
    }

    /// The text, each line ending in LF.
    public var text: String {
        lines.map { String($0) + "\n" }.joined()
    }

    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        /// The text or the cursor changed (or nothing happened).
        case editing
        /// The user is done.
        case finished
    }

    /// Applies one key.
    public mutating func handle(_ key: Key, pageHeight: Int = 10) -> Outcome {
        if key == .escape || key == .ctrl("x") { return .finished }
        switch key {
        case .enter:
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .backspace, .ctrl("h"):
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: moveRows(-1)
        case .down: moveRows(1)
        case .pageUp: moveRows(-max(1, pageHeight - 1))
        case .pageDown: moveRows(max(1, pageHeight - 1))
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e"): column = lines[row].count
        case .tab: insert("\t")
        default:
            if let character = key.insertableCharacter { insert(String(character)) }
        }
        return .editing
    }

    /// Inserts text at the cursor (typed or pasted; line ends split lines, other controls but
    /// tabs are dropped).
    public mutating func insert(_ text: String) {
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                _ = handle(.enter)
                continue
            }
            if character != "\t", character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { continue }
            lines[row].insert(character, at: column)
            column += 1
        }
    }

    private mutating func moveRows(_ delta: Int) {
        row = min(max(row + delta, 0), lines.count - 1)
        column = min(column, lines[row].count)
    }

    /// Keeps the cursor's line within `height` lines from ``top``.
    public mutating func scroll(height: Int) {
        let height = max(1, height)
        if row < top { top = row }
        if row >= top + height { top = row - height + 1 }
    }
}
