/// Ways to cut one byte stream into reads, for byte-split tests of decoders
/// (docs/CONVENTIONS.md item 5): the same input fed whole, byte by byte and in random chunks must
/// give the same events.
public enum ByteSplits {
    /// A name for a way of cutting, and the chunks it produced.
    public struct Split: Sendable, CustomStringConvertible {
        /// `whole`, `byte-by-byte`, `random(seed: 3)`, ...
        public let name: String
        /// The chunks, in order; concatenated they are the input.
        public let chunks: [[UInt8]]
        /// The name (shown by Swift Testing when a case fails).
        public var description: String { name }
    }

    /// The input whole, byte by byte, cut into pairs and triples, and in random chunks of 1 to
    /// 64 bytes for each seed.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - seeds: Seeds of the random cuts (reproducible across runs).
    public static func all(_ bytes: [UInt8], seeds: [UInt64] = [1, 2, 3, 4, 5]) -> [Split] {
        var splits = [
            Split(name: "whole", chunks: [bytes]),
            Split(name: "byte-by-byte", chunks: bytes.map { [$0] }),
            Split(name: "pairs", chunks: fixed(bytes, size: 2)),
            Split(name: "triples", chunks: fixed(bytes, size: 3)),
        ]
        for seed in seeds {
            splits.append(Split(name: "random(seed: \(seed))", chunks: random(bytes, seed: seed, maxChunk: 64)))
        }
        return splits
    }

    /// The input in chunks of `size` bytes (the last may be shorter).
    public static func fixed(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
        precondition(size > 0)
        return stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min(bytes.count, $0 + size)]) }
    }

    /// The input in chunks of 1 to `maxChunk` bytes chosen by a generator seeded with `seed`.
    public static func random(_ bytes: [UInt8], seed: UInt64, maxChunk: Int) -> [[UInt8]] {
        precondition(maxChunk > 0)
        var generator = SplitMix64(seed: seed)
        var chunks: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            let size = Int(generator.next() % UInt64(maxChunk)) + 1
            chunks.append(Array(bytes[index..<min(bytes.count, index + size)]))
            index += size
        }
        return chunks
    }
}

/// A small seeded random number generator (SplitMix64), so random tests are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that always yields the same sequence for the same seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
