import Foundation

/// Snapshot files for text-grid tests: the lines of a screen (and optionally a style map) stored in a
/// text file, compared on later runs, and re-recorded when the environment has `RECORD_SNAPSHOTS=1`.
///
/// File format: one screen row per line between `|` bars (so trailing blanks show), then, if styles
/// were given, a line `--- styles` and the style rows in the same form.
public enum TextGridSnapshot {
    /// The file text for `lines` and optional `styles`.
    public static func format(lines: [String], styles: [String]? = nil) -> String {
        var text = lines.map { "|\($0)|" }.joined(separator: "\n") + "\n"
        if let styles {
            text += "--- styles\n" + styles.map { "|\($0)|" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// Compares a grid with the snapshot file `name`.txt in `directory`, or records it.
    ///
    /// - Parameters:
    ///   - lines: the screen rows.
    ///   - styles: the style rows, if the snapshot covers styles.
    ///   - name: the snapshot's file name without extension.
    ///   - directory: the folder of snapshot files.
    ///   - record: write the file instead of comparing; defaults to `RECORD_SNAPSHOTS=1` in the environment.
    /// - Returns: nil when the grid matches (or was recorded), else a message with both versions.
    public static func verify(lines: [String], styles: [String]? = nil, name: String, directory: URL,
                              record: Bool = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1") -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = format(lines: lines, styles: styles)
        if record {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "Could not record snapshot \(url.path): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "Snapshot \(url.path) is missing. Record it with RECORD_SNAPSHOTS=1. Actual:\n\(actual)"
        }
        if expected == actual { return nil }
        return "Snapshot \(name) differs. Re-record with RECORD_SNAPSHOTS=1 if the change is intended.\nExpected:\n\(expected)Actual:\n\(actual)"
    }
}
