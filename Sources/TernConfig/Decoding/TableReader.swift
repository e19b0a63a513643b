/// Reads the keys of one TOML table with type checks, remembering which keys it was asked for so
/// that every other key can be reported as unknown, with a "did you mean" suggestion.
///
/// Values of keys marked secret (commands and variable names that lead to passwords) are never
/// quoted in a diagnostic.
struct TableReader {
    /// Where problems are reported.
    let context: DecodingContext
    /// The table's path.
    let path: KeyPath
    /// The table's entries.
    let entries: [String: TOMLNode]
    /// The keys asked for, in the order asked.
    private(set) var knownKeys: [String] = []
    /// The same keys as a set, for constant-time checks.
    private var knownSet: Set<String> = []

    /// Creates a reader for a table already known to be one.
    init(entries: [String: TOMLNode], at path: KeyPath, context: DecodingContext) {
        self.entries = entries
        self.path = path
        self.context = context
    }

    /// Creates a reader if `node` is a table; otherwise reports the wrong type and returns nil.
    init?(node: TOMLNode, at path: KeyPath, context: DecodingContext, example: String) {
        guard case .table(let entries) = node else {
            context.report(at: path, "\(TableReader.name(of: path)) must be a table, not \(node.typeName)", hint: example)
            return nil
        }
        self.init(entries: entries, at: path, context: context)
    }

    /// `"key" in [table]`, or `[table]` for a table, for messages.
    static func name(of path: KeyPath) -> String {
        guard let key = path.lastKey else { return path.description }
        let parent = path.parent
        return "\"\(KeyPath.render(key))\" in \(parent.tableName)"
    }

    /// Whether the table has `key` (without marking it known).
    func has(_ key: String) -> Bool {
        entries[key] != nil
    }

    /// The path of `key` in this table.
    func path(of key: String) -> KeyPath {
        path.appending(key)
    }

    /// Marks `key` as known and returns its raw value.
    mutating func node(_ key: String) -> TOMLNode? {
        if knownSet.insert(key).inserted { knownKeys.append(key) }
        return entries[key]
    }

    /// Marks keys as known without reading them (read by another decoder).
    mutating func accept(_ keys: String...) {
        for key in keys where knownSet.insert(key).inserted { knownKeys.append(key) }
    }

    /// Reports that `key` has the wrong type.
    func reportType(_ key: String, expected: String, found node: TOMLNode, example: String) {
        context.report(at: path(of: key),
                       "\(TableReader.name(of: path(of: key))) must be \(expected), not \(node.typeName)",
                       hint: "write \(example)")
    }

    /// A string value; empty strings are reported unless `allowEmpty`.
    /// - Parameters:
    ///   - key: The key.
    ///   - example: An example assignment for the hint, e.g. `host = "imap.example.org"`.
    ///   - allowEmpty: Whether "" is a valid value.
    mutating func string(_ key: String, example: String, allowEmpty: Bool = false) -> String? {
        guard let node = node(key) else { return nil }
        guard case .string(let value) = node else {
            reportType(key, expected: "a string", found: node, example: example)
            return nil
        }
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) }) {
            context.report(at: path(of: key), "\(TableReader.name(of: path(of: key))) contains a control character",
                           hint: "remove it (escapes such as \\n or \\u001b are not allowed here)")
            return nil
        }
        if !allowEmpty && value.trimmingSpaces.isEmpty {
            context.report(at: path(of: key), "\(TableReader.name(of: path(of: key))) is empty", hint: "write \(example)")
            return nil
        }
        return value
    }

    /// A boolean value.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .boolean(let value) = node else {
            let example = "\(key) = true or \(key) = false"
            if case .string(let text) = node, text == "true" || text == "false" {
                context.report(at: path(of: key),
                               "\(TableReader.name(of: path(of: key))) must be a boolean, not a string",
                               hint: "write \(key) = \(text) without quotes")
            } else {
                reportType(key, expected: "a boolean", found: node, example: example)
            }
            return nil
        }
        return value
    }

    /// An integer value within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, example: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .integer(let value) = node else {
            if case .string(let text) = node, Int(text) != nil {
                context.report(at: path(of: key),
                               "\(TableReader.name(of: path(of: key))) must be an integer, not a string",
                               hint: "write \(key) = \(text) without quotes")
            } else {
                reportType(key, expected: "an integer", found: node, example: example)
            }
            return nil
        }
        guard range.contains(value) else {
            context.report(at: path(of: key),
                           "\(TableReader.name(of: path(of: key))) is \(value), outside \(range.lowerBound)...\(range.upperBound)",
                           hint: "write \(example)")
            return nil
        }
        return value
    }

    /// A string from a closed set, e.g. `security = "tls"`.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: String, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        let listing = names.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let text = string(key, example: "\(key) = \"\(names.first ?? "")\"", allowEmpty: true) else { return nil }
        if let value = Value(rawValue: text) ?? Value(rawValue: text.lowercased()) { return value }
        let suggestion = Suggestion.closest(to: text, in: names)
        context.report(at: path(of: key),
                       "\(TableReader.name(of: path(of: key))) is \(DisplayText.quoted(text)), which is not one of \(listing)",
                       hint: suggestion.map { "did you mean \"\($0)\"?" } ?? "write one of \(listing)")
        return nil
    }

    /// A secret-bearing string (a command or variable name that leads to a password): checked like
    /// ``string(_:example:allowEmpty:)`` but the value is never quoted in a diagnostic.
    mutating func secretString(_ key: String, example: String) -> String? {
        string(key, example: example)
    }

    /// A list of strings, written as an array (a single string is accepted as a one-element list).
    mutating func stringList(_ key: String, example: String) -> [String]? {
        guard let node = node(key) else { return nil }
        switch node {
        case .string(let value):
            return [value]
        case .array(let elements):
            var values: [String] = []
            var valid = true
            for (index, element) in elements.enumerated() {
                if case .string(let value) = element,
                   value.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    context.report(at: path(of: key).appending(index: index),
                                   "element \(index + 1) of \(TableReader.name(of: path(of: key))) contains a control character",
                                   hint: "remove it")
                    valid = false
                    continue
                }
                guard case .string(let value) = element else {
                    context.report(at: path(of: key).appending(index: index),
                                   "element \(index + 1) of \(TableReader.name(of: path(of: key))) must be a string, not \(element.typeName)",
                                   hint: "write \(example)")
                    valid = false
                    continue
                }
                values.append(value)
            }
            return valid ? values : nil
        default:
            reportType(key, expected: "an array of strings", found: node, example: example)
            return nil
        }
    }

    /// A sub-table, as a reader; reports a wrong type.
    mutating func table(_ key: String, example: String) -> TableReader? {
        guard let node = node(key) else { return nil }
        return TableReader(node: node, at: path(of: key), context: context, example: example)
    }

    /// Reports every key not asked for, with a suggestion from the known keys, or with the table
    /// they belong in when `misplaced` names one.
    /// - Parameter misplaced: Keys that are valid elsewhere, mapped to a hint saying where.
    func reportUnknownKeys(misplaced: [String: String] = [:]) {
        for key in entries.keys.sorted() where !knownSet.contains(key) {
            let keyPath = path(of: key)
            let message = "unknown key \(DisplayText.quoted(key)) in \(path.tableName)"
            if let place = misplaced[key] {
                context.report(at: keyPath, message, hint: place)
            } else if let suggestion = Suggestion.didYouMean(key, in: knownKeys) {
                context.report(at: keyPath, message, hint: suggestion)
            } else {
                let listing = knownKeys.count <= 16
                    ? "the keys allowed here are " + knownKeys.map { KeyPath.render($0) }.joined(separator: ", ")
                    : "see docs/config.md for the keys allowed here"
                context.report(at: keyPath, message, hint: listing)
            }
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
