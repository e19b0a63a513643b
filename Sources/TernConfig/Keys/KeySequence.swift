/// The keys pressed one after another to run a command: `j`, `gg`, `<C-w>h`.
public struct KeySequence: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The keys, at least one.
    public let keys: [Key]

    /// Creates a sequence from keys.
    /// - Parameter keys: At least one key (an empty sequence is caller misuse).
    public init(_ keys: [Key]) {
        precondition(!keys.isEmpty, "a key sequence has at least one key")
        self.keys = keys
    }

    /// A sequence of one key.
    public init(_ key: Key) {
        self.keys = [key]
    }

    /// Parses a sequence written as in a config file (`"gg"`, `"<C-d>"`, `"<C-w>h"`).
    /// - Throws: ``KeyNameError`` saying what part could not be read.
    public init(parsing text: String) throws(KeyNameError) {
        self.keys = try KeyNameParser.parse(text)
    }

    /// Whether `self` is a proper prefix of `other` (`g` of `gg`).
    public func isProperPrefix(of other: KeySequence) -> Bool {
        keys.count < other.keys.count && Array(other.keys.prefix(keys.count)) == keys
    }

    /// The keys written one after another, as a config file would write them.
    public var description: String {
        keys.map(\.description).joined()
    }

    /// Orders sequences by their written form, shorter first, for stable listings.
    public static func < (lhs: KeySequence, rhs: KeySequence) -> Bool {
        if lhs.keys.count != rhs.keys.count { return lhs.keys.count < rhs.keys.count }
        return lhs.description < rhs.description
    }
}

/// Why a key name could not be read.
public struct KeyNameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `unknown key name "<Entr>"`.
    public let message: String
    /// What to write instead.
    public let hint: String?

    /// `message; hint`.
    public var description: String {
        hint.map { "\(message); \($0)" } ?? message
    }
}
