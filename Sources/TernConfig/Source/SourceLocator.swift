/// Maps key paths of a TOML document to the lines they are written on.
///
/// TOMLKit reports positions only for syntax errors, so this scanner reads the text once more,
/// after TOMLKit has accepted it, and records where each table header, key (bare, quoted or
/// dotted), inline-table key and array element starts. It skips strings, multi-line strings and
/// comments, runs in time linear in the text, and never fails: on text it does not understand it
/// records less, and ``line(of:)`` falls back to the nearest enclosing table.
struct SourceLocator: Sendable {
    /// The line each path is defined on (a header, a key, an array element).
    private var definitions: [KeyPath: Int] = [:]
    /// The first line each path or any path below it is mentioned on.
    private var mentions: [KeyPath: Int] = [:]
    /// The position of each path's first mention among all mentions, for file order within a line.
    private var ordinals: [KeyPath: Int] = [:]

    /// Scans `text` and records the line of every key path in it.
    init(text: String) {
        var scanner = LocatorScanner(bytes: Array(text.utf8))
        scanner.scanDocument()
        for (ordinal, (path, line)) in scanner.recorded.enumerated() {
            if definitions[path] == nil { definitions[path] = line }
            var prefix = path
            while true {
                if let known = mentions[prefix], known <= line { break }
                mentions[prefix] = line
                ordinals[prefix] = ordinal
                if prefix.components.isEmpty { break }
                prefix = prefix.parent
            }
        }
    }

    /// The line `path` is written on: its definition, else the first line that mentions something
    /// below it (an implicit table), else the line of the nearest enclosing table; nil if none.
    func line(of path: KeyPath) -> Int? {
        if let line = definitions[path] ?? mentions[path] { return line }
        var prefix = path
        while !prefix.components.isEmpty {
            prefix = prefix.parent
            if prefix.components.isEmpty { return nil }
            if let line = definitions[prefix] ?? mentions[prefix] { return line }
        }
        return nil
    }

    /// Sorts the keys of the table at `table` into the order the file first mentions them
    /// (keys the scanner did not see go last, by name).
    func fileOrder(of keys: some Sequence<String>, in table: KeyPath) -> [String] {
        keys.sorted { lhs, rhs in
            let left = ordinals[table.appending(lhs)] ?? Int.max
            let right = ordinals[table.appending(rhs)] ?? Int.max
            return left != right ? left < right : lhs < rhs
        }
    }

    /// The line `path` itself is defined on, without any fallback.
    func definitionLine(of path: KeyPath) -> Int? {
        definitions[path]
    }
}
