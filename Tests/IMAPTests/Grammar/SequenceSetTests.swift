@testable import IMAP
import Testing

@Suite struct SequenceSetTests {
    @Test(arguments: [
        ([1, 2, 3, 7], "1:3,7"),
        ([7, 3, 2, 1, 2, 3], "1:3,7"),
        ([5], "5"),
        ([1, 3, 5, 6, 7, 9, 10], "1,3,5:7,9:10"),
        ([0, 4], "4"),
        ([UInt32.max - 1, UInt32.max], "4294967294:*"),
    ] as [([UInt32], String)])
    func valuesAreMergedIntoRanges(_ values: [UInt32], _ text: String) {
        #expect(SequenceSet(values).description == text)
    }

    @Test func rangesAndStar() {
        #expect(SequenceSet.all.description == "1:*")
        #expect(SequenceSet.all.containsStar)
        #expect(SequenceSet(ranges: [9...UInt32.max, 1...3]).description == "9:*,1:3")
        #expect(SequenceSet(ranges: [9...12, 1...3, 4...5]).normalized().description == "1:5,9:12")
        #expect(SequenceSet(ranges: [1...3, 7...7]).values() == [1, 2, 3, 7])
        #expect(SequenceSet(ranges: [5...UInt32.max]).values(largest: 7) == [5, 6, 7])
        #expect(SequenceSet(ranges: [1...3, 7...7]).count == 4)
        #expect(SequenceSet(ranges: [1...3, 7...7]).contains(7))
        #expect(!SequenceSet(ranges: [1...3, 7...7]).contains(5))
    }

    @Test func batchesCoverTheSetInOrder() {
        let set = SequenceSet(ranges: [1...2500, 3000...UInt32.max])
        let batches = set.batches(maximumCount: 1000, largest: 3100)
        #expect(batches.map(\.description) == ["1:1000", "1001:2000", "2001:2500,3000:3100"])
        #expect(batches.reduce(0) { $0 + $1.count } == 2500 + 101)
        #expect(SequenceSet(1...2500).batches(maximumCount: 1000, largest: 9).map(\.description)
            == ["1:1000", "1001:2000", "2001:2500"])
        #expect(SequenceSet(1...10).batches(maximumCount: 100, largest: 5).map(\.description) == ["1:10"])
        #expect(SequenceSet(ranges: [10...UInt32.max]).batches(maximumCount: 5, largest: 3).isEmpty)
    }

    @Test(arguments: [("1:3,7", [1...3, 7...7]), ("7:3", [3...7]), ("*", [UInt32.max...UInt32.max]),
                      ("4:*", [4...UInt32.max])] as [(String, [ClosedRange<UInt32>])])
    func parsesAsSent(_ text: String, _ ranges: [ClosedRange<UInt32>]) throws {
        let events = try parseEvents("* VANISHED \(text)\r\n")
        #expect(events == [.untagged(.vanished(SequenceSet(ranges: ranges), earlier: false))])
    }

    @Test(arguments: ["0", "1:0", "1,,2", ":3", "1:"])
    func rejectsInvalidSets(_ text: String) {
        #expect(throws: IMAPProtocolError.self) { try parseEvents("* VANISHED \(text)\r\n") }
    }

    @Test func containsAnswersAlikeForOrderedAndUnorderedRanges() {
        // Every third value of 1...30,000 as its own range: 10,000 ranges, searched by halves.
        let values = stride(from: UInt32(1), through: 30_000, by: 3)
        let ascending = SequenceSet(ranges: values.map { $0 ... $0 })
        let shuffled = SequenceSet(ranges: values.map { $0 ... $0 }.reversed())
        for value: UInt32 in [1, 2, 3, 4, 29_998, 29_999, 30_000, 30_001, UInt32.max] {
            let expected = value <= 30_000 && value % 3 == 1
            #expect(ascending.contains(value) == expected, "\(value)")
            #expect(shuffled.contains(value) == expected, "\(value)")
        }
        #expect(SequenceSet(ranges: [5...9, 7...20]).contains(15), "overlapping ranges are searched one by one")
        #expect(SequenceSet(ranges: [10...UInt32.max]).contains(UInt32.max))
        #expect(!SequenceSet(ranges: []).contains(1))
        // 100,000 lookups in 10,000 ranges stay far below a quadratic cost.
        let start = ContinuousClock.now
        var found = 0
        for value in UInt32(1) ... 100_000 where ascending.contains(value) { found += 1 }
        #expect(found == 10_000)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
