/// A set of message sequence numbers or UIDs (RFC 9051 §9 `sequence-set`): ranges, in the
/// order given, where `UInt32.max` stands for `*` (the largest number in use).
///
/// ```
/// C: A7 UID FETCH 1:5,7,9:* (FLAGS)
/// ```
///
/// Sets built from values (``init(_:)``) are sorted and merged into as few ranges as possible;
/// sets parsed from a response (COPYUID, VANISHED) keep the server's order, which matters for
/// COPYUID (source and destination UIDs correspond in order, RFC 4315 §3).
public struct SequenceSet: Hashable, Sendable, CustomStringConvertible {
    /// The ranges in order. `UInt32.max` as an upper bound means `*`.
    public private(set) var ranges: [ClosedRange<UInt32>]
    /// True when the ranges ascend without overlapping, so ``contains(_:)`` can search them
    /// by halves (a set of 10,000 ranges is asked about 100,000 UIDs during a sync).
    private let isAscending: Bool

    /// A set of the given ranges, kept in that order (ranges are not merged).
    ///
    /// - Precondition: no range includes 0 (sequence numbers and UIDs start at 1).
    public init(ranges: [ClosedRange<UInt32>]) {
        precondition(ranges.allSatisfy { $0.lowerBound > 0 }, "SequenceSet: numbers start at 1")
        self.ranges = ranges
        self.isAscending = zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }
    }

    /// One range.
    public init(_ range: ClosedRange<UInt32>) {
        self.init(ranges: [range])
    }

    /// The values, sorted and merged into ranges (`[1, 2, 3, 7]` becomes `1:3,7`); zeros are
    /// ignored.
    public init(_ values: some Sequence<UInt32>) {
        var sorted = values.filter { $0 > 0 }
        sorted.sort()
        var ranges: [ClosedRange<UInt32>] = []
        for value in sorted {
            if let last = ranges.last, value <= last.upperBound &+ 1, last.upperBound != UInt32.max {
                if value > last.upperBound { ranges[ranges.count - 1] = last.lowerBound...value }
            } else if ranges.last.map({ value > $0.upperBound }) ?? true {
                ranges.append(value...value)
            }
        }
        self.ranges = ranges
        self.isAscending = true
    }

    /// `1:*`: every message.
    public static let all = SequenceSet(1...UInt32.max)

    /// True when the set holds no range.
    public var isEmpty: Bool { ranges.isEmpty }

    /// True when a range ends in `*`.
    public var containsStar: Bool { ranges.contains { $0.upperBound == UInt32.max } }

    /// The number of values, counting each range ending in `*` up to `UInt32.max`; overlapping
    /// ranges are counted twice.
    public var count: Int { ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 } }

    /// True when `value` is in one of the ranges.
    public func contains(_ value: UInt32) -> Bool {
        guard isAscending else { return ranges.contains { $0.contains(value) } }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    /// The values in order (a range ending in `*` stops at `largest`).
    ///
    /// - Parameter largest: The value `*` stands for (the largest UID or sequence number in use).
    public func values(largest: UInt32 = UInt32.max) -> [UInt32] {
        var out: [UInt32] = []
        for range in ranges {
            let upper = range.upperBound == UInt32.max ? largest : range.upperBound
            guard range.lowerBound <= upper else { continue }
            out.append(contentsOf: range.lowerBound...upper)
        }
        return out
    }

    /// The set sorted and merged.
    public func normalized() -> SequenceSet {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound || range.lowerBound == last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return SequenceSet(ranges: merged)
    }

    /// The set cut into sets of at most `maximumCount` values each, in ascending order (for
    /// pipelined FETCH batches).
    ///
    /// - Parameters:
    ///   - maximumCount: The most values per set.
    ///   - largest: The value `*` stands for (UIDNEXT - 1, or EXISTS); ranges above it are dropped.
    /// - Precondition: `maximumCount > 0`.
    public func batches(maximumCount: Int, largest: UInt32) -> [SequenceSet] {
        precondition(maximumCount > 0, "SequenceSet.batches: maximumCount must be positive")
        var batches: [SequenceSet] = []
        var current: [ClosedRange<UInt32>] = []
        var room = UInt64(maximumCount)
        for range in normalized().ranges {
            var lower = UInt64(range.lowerBound)
            let upper = UInt64(range.upperBound == UInt32.max ? largest : range.upperBound)
            while lower <= upper {
                let take = min(room, upper - lower + 1)
                current.append(UInt32(lower)...UInt32(lower + take - 1))
                lower += take
                room -= take
                if room == 0 {
                    batches.append(SequenceSet(ranges: current))
                    current = []
                    room = UInt64(maximumCount)
                }
            }
        }
        if !current.isEmpty { batches.append(SequenceSet(ranges: current)) }
        return batches
    }

    /// The wire form, `1:3,7,9:*`.
    public var description: String {
        ranges.map { range in
            let upper = range.upperBound == UInt32.max ? "*" : String(range.upperBound)
            return range.lowerBound == range.upperBound ? upper : "\(range.lowerBound):\(upper)"
        }.joined(separator: ",")
    }
}

extension GrammarParser {
    // sequence-set = (seq-number / seq-range) ["," sequence-set]
    // seq-range = seq-number ":" seq-number
    // seq-number = nz-number / "*"
    /// A sequence set.
    mutating func parseSequenceSet() throws(ParseFailure) -> SequenceSet {
        var ranges: [ClosedRange<UInt32>] = []
        repeat {
            let first = try parseSequenceNumber()
            if consume(ASCII.colon) {
                let second = try parseSequenceNumber()
                ranges.append(min(first, second)...max(first, second))
            } else {
                ranges.append(first...first)
            }
        } while consume(ASCII.comma)
        return SequenceSet(ranges: ranges)
    }

    /// `nz-number / "*"`, with `*` as `UInt32.max`.
    private mutating func parseSequenceNumber() throws(ParseFailure) -> UInt32 {
        if consume(ASCII.star) { return UInt32.max }
        return try parseNZNumber()
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // sequence-set = (seq-number / seq-range) ["," sequence-set]
    /// Writes a sequence set.
    ///
    /// - Precondition: the set is not empty (IMAP has no empty set).
    mutating func write(sequenceSet: SequenceSet) {
        precondition(!sequenceSet.isEmpty, "SequenceSet: an empty set cannot be sent")
        write(bytes: Array(sequenceSet.description.utf8))
    }
}
