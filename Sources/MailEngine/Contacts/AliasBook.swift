import Foundation
import MailCore

/// The aliases of every alias file, looked up by key (case-insensitively) and expanded to
/// addresses, nested aliases included.
public struct AliasBook: Sendable, Hashable {
    /// Every alias, later files and lines overriding earlier ones with the same key.
    public private(set) var entries: [AliasEntry] = []
    private var index: [String: Int] = [:]

    /// An alias book with `entries` (a later entry replaces an earlier one with the same key).
    public init(_ entries: [AliasEntry] = []) {
        for entry in entries { add(entry) }
    }

    /// Adds or replaces an alias.
    public mutating func add(_ entry: AliasEntry) {
        let key = entry.key.lowercased()
        if let i = index[key] {
            entries[i] = entry
        } else {
            index[key] = entries.count
            entries.append(entry)
        }
    }

    /// The alias called `key`, if any.
    public func entry(_ key: String) -> AliasEntry? {
        index[key.lowercased()].map { entries[$0] }
    }

    /// True when `key` is an alias.
    public func contains(_ key: String) -> Bool { index[key.lowercased()] != nil }

    /// The addresses `key` stands for, nested aliases expanded, duplicates removed.
    ///
    /// - Throws: ``ExpansionError`` for an unknown key, an alias that refers to an unknown one,
    ///   or a loop (`a` -> `b` -> `a`).
    public func expand(_ key: String) throws -> [Address] {
        var result: [Address] = []
        var seen = Set<String>()
        try expand(key, path: [], into: &result, seen: &seen)
        return result
    }

    private func expand(_ key: String, path: [String], into result: inout [Address], seen: inout Set<String>) throws {
        guard let entry = entry(key) else {
            if let parent = path.last { throw ExpansionError.unknownMember(alias: parent, member: key) }
            throw ExpansionError.unknown(key)
        }
        let lowered = entry.key.lowercased()
        if path.contains(where: { $0.lowercased() == lowered }) {
            throw ExpansionError.loop(path + [entry.key])
        }
        for member in entry.members {
            switch member {
            case .address(let address):
                if seen.insert(address.comparisonKey).inserted { result.append(address) }
            case .alias(let other):
                try expand(other, path: path + [entry.key], into: &result, seen: &seen)
            }
        }
    }

    /// Why an alias cannot be expanded.
    public enum ExpansionError: Error, Sendable, Hashable, CustomStringConvertible {
        /// No alias has this key.
        case unknown(String)
        /// An alias names another that does not exist.
        case unknownMember(alias: String, member: String)
        /// Aliases refer to each other in a circle.
        case loop([String])

        public var description: String {
            switch self {
            case .unknown(let key):
                return "there is no alias \"\(TextSanitizer.headerText(key))\""
            case .unknownMember(let alias, let member):
                return "the alias \"\(TextSanitizer.headerText(alias))\" includes \"\(TextSanitizer.headerText(member))\", "
                    + "which is neither an alias nor an email address; fix the alias file"
            case .loop(let path):
                return "the aliases refer to each other in a loop (\(path.map(TextSanitizer.headerText).joined(separator: " -> "))); fix the alias file"
            }
        }
    }

    // MARK: - Loading

    /// Reads alias files in order (later ones override earlier ones).
    ///
    /// A file that does not exist or cannot be read is a problem, not an error: the others are
    /// still read.
    public static func load(files: [String]) -> (book: AliasBook, problems: [AliasFileProblem]) {
        var book = AliasBook()
        var problems: [AliasFileProblem] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                let reason = FileManager.default.fileExists(atPath: file) ? "cannot be read (check its permissions)" : "does not exist"
                problems.append(AliasFileProblem(file: file, line: 0, message: "the alias file \(reason); fix alias_files in the config"))
                continue
            }
            let (entries, fileProblems) = AliasFileParser.parse(String(decoding: data, as: UTF8.self), file: file)
            entries.forEach { book.add($0) }
            problems += fileProblems
        }
        return (book, problems)
    }
}
