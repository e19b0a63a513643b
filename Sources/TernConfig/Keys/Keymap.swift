/// The resolved key bindings: for each context, which key sequence runs which command.
///
/// Built from ``defaults`` plus the user's `[keys.CONTEXT]` tables. A context's bindings are its own
/// layer over the global layer (except in ``KeyContext/prompt``); a context binding hides any global
/// binding it conflicts with (the same keys, or one a prefix of the other, like `g` and `gg`).
public struct Keymap: Sendable, Equatable {
    /// What a sequence of keys typed so far means in a context.
    public enum Match: Sendable, Equatable {
        /// The keys run this command.
        case command(CommandName)
        /// The keys start a longer binding: wait for the next key.
        case pending
        /// The keys mean nothing here.
        case unbound
    }

    /// One line of the help screen: a command, the keys bound to it, and what it does.
    public struct HelpEntry: Sendable, Equatable {
        /// The command.
        public var command: CommandName
        /// The keys that run it, shortest first.
        public var keys: [KeySequence]
        /// Whether the binding comes from `[keys.global]` rather than the context itself.
        public var isGlobal: Bool
        /// The command's one-line summary.
        public var summary: String { command.summary }
    }

    /// Each context's effective bindings (own layer plus inherited global ones).
    private let effective: [KeyContext: [KeySequence: CommandName]]
    /// Every proper prefix of a bound sequence, per context.
    private let prefixes: [KeyContext: Set<[Key]>]
    /// Each context's own layer, to tell global bindings apart in help.
    private let layers: [KeyContext: [KeySequence: CommandName]]

    /// The default bindings (see docs/config.md, "Default keys").
    public static let defaults = Keymap(layers: DefaultBindings.layers)

    /// Builds a keymap from per-context layers.
    /// - Parameters:
    ///   - layers: Each context's own bindings.
    ///   - unbound: Per context, sequences unbound with `"none"`; global bindings equal to one of them
    ///     or starting with one are hidden in that context.
    init(layers: [KeyContext: [KeySequence: CommandName]], unbound: [KeyContext: Set<KeySequence>] = [:]) {
        self.layers = layers
        var effective: [KeyContext: [KeySequence: CommandName]] = [:]
        var prefixes: [KeyContext: Set<[Key]>] = [:]
        let global = layers[.global] ?? [:]
        for context in KeyContext.allCases {
            let own = layers[context] ?? [:]
            var merged = own
            if context.inheritsGlobal {
                let ownIndex = SequenceIndex(own.keys)
                let blocked = SequenceIndex(unbound[context] ?? [])
                for (sequence, command) in global {
                    if ownIndex.conflicts(with: sequence) { continue }
                    if blocked.contains(sequence) || blocked.prefix(of: sequence) != nil { continue }
                    merged[sequence] = command
                }
            }
            effective[context] = merged
            var contextPrefixes = Set<[Key]>()
            for sequence in merged.keys where sequence.keys.count > 1 {
                for length in 1..<sequence.keys.count { contextPrefixes.insert(Array(sequence.keys.prefix(length))) }
            }
            prefixes[context] = contextPrefixes
        }
        self.effective = effective
        self.prefixes = prefixes
    }

    /// Whether two sequences cannot both be bound in one context: equal, or one a prefix of the other.
    static func conflict(_ a: KeySequence, _ b: KeySequence) -> Bool {
        a == b || a.isProperPrefix(of: b) || b.isProperPrefix(of: a)
    }

    /// What `keys`, typed in `context`, mean: a command, the start of one, or nothing.
    public func match(_ keys: [Key], in context: KeyContext) -> Match {
        guard !keys.isEmpty else { return .unbound }
        if let command = effective[context]?[KeySequence(keys)] { return .command(command) }
        if prefixes[context]?.contains(keys) == true { return .pending }
        return .unbound
    }

    /// The command `sequence` runs in `context`, if any.
    public func command(for sequence: KeySequence, in context: KeyContext) -> CommandName? {
        effective[context]?[sequence]
    }

    /// Every binding in effect in `context`, global ones included where the context inherits them.
    public func bindings(in context: KeyContext) -> [KeySequence: CommandName] {
        effective[context] ?? [:]
    }

    /// The keys bound to `command` in `context`, shortest first.
    public func keys(for command: CommandName, in context: KeyContext) -> [KeySequence] {
        bindings(in: context).filter { $0.value == command }.map(\.key).sorted()
    }

    /// The help screen's lines for `context`: each bound command once, in ``CommandName`` order, with
    /// its keys; the context's own commands first, then the global ones.
    public func helpEntries(for context: KeyContext) -> [HelpEntry] {
        let own = layers[context] ?? [:]
        var byCommand: [CommandName: [KeySequence]] = [:]
        for (sequence, command) in bindings(in: context) {
            byCommand[command, default: []].append(sequence)
        }
        var entries: [HelpEntry] = []
        for command in CommandName.allCases {
            guard let keys = byCommand[command] else { continue }
            let isGlobal = !keys.contains { own[$0] != nil }
            entries.append(HelpEntry(command: command, keys: keys.sorted(), isGlobal: isGlobal))
        }
        return entries.filter { !$0.isGlobal } + entries.filter(\.isGlobal)
    }
}
