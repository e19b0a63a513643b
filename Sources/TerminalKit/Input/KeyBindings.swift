/// A table of key sequences to actions, matched one key at a time: `j` → down, `gg` → top,
/// `<C-x>c` → compose. Mail-agnostic; the application's keymap fills it from config.
///
/// Feed keys with ``match(_:)``; a key that starts a longer binding gives `.pending` and waits for
/// the next key. A sequence that matches nothing gives `.unbound` with the keys swallowed so far.
public struct KeyBindings<Action> {
    /// The result of feeding one key.
    public enum Match {
        /// The keys so far are a complete binding.
        case action(Action)
        /// The keys so far start one or more longer bindings: wait for the next key.
        case pending([Key])
        /// The keys so far match no binding (they are forgotten).
        case unbound([Key])
    }

    /// Why a binding was refused.
    public enum BindingError: Error, Equatable, CustomStringConvertible {
        /// The notation is not a key sequence.
        case malformed(String)
        /// One binding would be the prefix of another (`g` and `gg`): the shorter one could never wait.
        case prefixConflict(String, String)

        /// What went wrong and what to do.
        public var description: String {
            switch self {
            case .malformed(let text):
                return "\"\(text)\" is not a key sequence; write keys like j, G, <Enter>, <C-d>, <M-x>, <F5> or gg"
            case .prefixConflict(let a, let b):
                return "the key binding \"\(a)\" is the start of \"\(b)\"; one of them must change"
            }
        }
    }

    private var bindings: [[Key]: Action] = [:]
    private var prefixes: Set<[Key]> = []
    private var pending: [Key] = []

    /// Creates an empty table.
    public init() {}

    /// The keys typed so far of an unfinished sequence (to show like vim's `showcmd`).
    public var pendingKeys: [Key] { pending }

    /// Binds a sequence, replacing an existing binding of the same keys.
    /// - Parameters:
    ///   - keys: the sequence (non-empty).
    ///   - action: what it does.
    /// - Throws: ``BindingError/prefixConflict(_:_:)`` when it is a prefix of another binding or
    ///   another binding is a prefix of it.
    public mutating func bind(_ keys: [Key], to action: Action) throws {
        guard !keys.isEmpty else { throw BindingError.malformed("") }
        let name = keys.map(\.name).joined()
        if prefixes.contains(keys), let other = bindings.keys.first(where: { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }) {
            throw BindingError.prefixConflict(name, other.map(\.name).joined())
        }
        for n in 1..<keys.count where bindings[Array(keys.prefix(n))] != nil {
            throw BindingError.prefixConflict(keys.prefix(n).map(\.name).joined(), name)
        }
        bindings[keys] = action
        for n in 1..<keys.count { prefixes.insert(Array(keys.prefix(n))) }
    }

    /// Binds a sequence written in config notation (see ``Key/parseSequence(_:)``).
    /// - Throws: ``BindingError/malformed(_:)`` or ``BindingError/prefixConflict(_:_:)``.
    public mutating func bind(_ notation: String, to action: Action) throws {
        guard let keys = Key.parseSequence(notation) else { throw BindingError.malformed(notation) }
        try bind(keys, to: action)
    }

    /// The action bound to exactly `keys`, if any.
    public func action(for keys: [Key]) -> Action? { bindings[keys] }

    /// Feeds one key.
    public mutating func match(_ key: Key) -> Match {
        pending.append(key)
        if let action = bindings[pending] {
            pending.removeAll()
            return .action(action)
        }
        if prefixes.contains(pending) { return .pending(pending) }
        let keys = pending
        pending.removeAll()
        return .unbound(keys)
    }

    /// Forgets an unfinished sequence (on Escape, or after a timeout).
    public mutating func reset() { pending.removeAll() }
}
