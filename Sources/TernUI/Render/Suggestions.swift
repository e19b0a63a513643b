/// "Did you mean" for mistyped names.
enum Suggestions {
    /// The candidates closest to `word` (at most `limit`, edit distance at most a third of its length).
    static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let bound = max(2, target.count / 3)
        let scored = candidates.map { ($0, distance(target, Array($0.lowercased().unicodeScalars))) }
            .filter { $0.1 <= bound }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// Levenshtein distance, O(a·b) time and O(b) space.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
