/// A set of key sequences that answers "does anything here conflict with this sequence" (the same
/// keys, or one a prefix of the other) in time proportional to the sequence's length, so that
/// building a keymap stays linear in the number of bindings.
struct SequenceIndex {
    /// The sequences in the index.
    private(set) var sequences: Set<KeySequence> = []
    /// Every proper prefix of a sequence in the index, with how many sequences have it.
    private var prefixCounts: [[Key]: Int] = [:]

    /// An index of `sequences`.
    init(_ sequences: some Sequence<KeySequence>) {
        for sequence in sequences { insert(sequence) }
    }

    /// Adds `sequence`.
    mutating func insert(_ sequence: KeySequence) {
        guard sequences.insert(sequence).inserted else { return }
        for length in 1..<max(1, sequence.keys.count) {
            prefixCounts[Array(sequence.keys.prefix(length)), default: 0] += 1
        }
    }

    /// Whether `sequence` is in the index.
    func contains(_ sequence: KeySequence) -> Bool {
        sequences.contains(sequence)
    }

    /// The sequence in the index that is a proper prefix of `sequence`, if any (the shortest).
    func prefix(of sequence: KeySequence) -> KeySequence? {
        for length in 1..<max(1, sequence.keys.count) {
            let candidate = KeySequence(Array(sequence.keys.prefix(length)))
            if sequences.contains(candidate) { return candidate }
        }
        return nil
    }

    /// Whether some sequence in the index starts with `sequence` and is longer.
    func hasExtension(of sequence: KeySequence) -> Bool {
        (prefixCounts[sequence.keys] ?? 0) > 0
    }

    /// Whether `sequence` equals, extends or is extended by a sequence in the index.
    func conflicts(with sequence: KeySequence) -> Bool {
        contains(sequence) || prefix(of: sequence) != nil || hasExtension(of: sequence)
    }
}
