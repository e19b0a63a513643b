/// The error thrown when a config or theme file cannot be used: one or more diagnostics, in file order.
///
/// Decoding goes on after the first problem so that the user can fix several at once; at most
/// ``ConfigError/reportLimit`` diagnostics are kept and the rest are counted.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// How many diagnostics are kept before the rest are only counted.
    public static let reportLimit = 25

    /// The diagnostics kept: grouped by file in the order first met, then sorted by line.
    public let diagnostics: [ConfigDiagnostic]
    /// How many further problems were found but not kept.
    public let omittedCount: Int

    /// Creates an error from diagnostics, sorting them and keeping at most ``reportLimit``.
    /// - Parameter diagnostics: The problems found; must not be empty.
    public init(_ diagnostics: [ConfigDiagnostic]) {
        precondition(!diagnostics.isEmpty, "a ConfigError needs at least one diagnostic")
        var fileOrder: [String: Int] = [:]
        for diagnostic in diagnostics where fileOrder[diagnostic.file] == nil {
            fileOrder[diagnostic.file] = fileOrder.count
        }
        let sorted = diagnostics.enumerated().sorted { lhs, rhs in
            let left = (fileOrder[lhs.element.file] ?? 0, lhs.element.line ?? 0, lhs.offset)
            let right = (fileOrder[rhs.element.file] ?? 0, rhs.element.line ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        self.diagnostics = Array(sorted.prefix(Self.reportLimit))
        self.omittedCount = max(0, sorted.count - Self.reportLimit)
    }

    /// Creates an error with a single diagnostic.
    /// - Parameter diagnostic: The problem found.
    public init(_ diagnostic: ConfigDiagnostic) {
        self.init([diagnostic])
    }

    /// One diagnostic per line, then a count of those left out, if any.
    public var description: String {
        var lines = diagnostics.map(\.description)
        if omittedCount > 0 {
            lines.append("... and \(omittedCount) more problem\(omittedCount == 1 ? "" : "s") (fix these first)")
        }
        return lines.joined(separator: "\n")
    }

    /// The same as `description`: diagnostics hold no secrets.
    public var debugDescription: String { description }
}
