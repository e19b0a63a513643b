import Foundation

/// JSON for the `--json` forms: sorted keys, no escaped slashes, one line.
enum JSONOutput {
    /// Prints `value` as one line of JSON.
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
