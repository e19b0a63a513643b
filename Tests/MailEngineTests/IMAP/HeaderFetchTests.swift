import IMAP
import Testing
@testable import MailEngine

/// The samples timed by ``HeaderFetch/automatic`` and the choice made from their times.
@Suite struct HeaderFetchTests {
    @Test func samplesAreRunsOfConsecutiveUIDsSpreadOverTheSet() {
        let set = SequenceSet(ranges: [1 ... 40_000])
        let runs = HeaderFetchProbe.samples(of: set, count: 4, size: 250, offset: 0)
        #expect(runs.count == 4 && runs.allSatisfy { $0.count == 250 })
        #expect(runs.map { $0.first } == [1, 10_001, 20_001, 30_001])
        for run in runs { #expect(zip(run, run.dropFirst()).allSatisfy { $1 == $0 + 1 }) }
        let shifted = HeaderFetchProbe.samples(of: set, count: 4, size: 250, offset: 9_750)
        #expect(shifted.map { $0.last } == [10_000, 20_000, 30_000, 40_000])
        // An offset past the room between runs is held to it.
        #expect(HeaderFetchProbe.samples(of: set, count: 4, size: 250, offset: 1_000_000) == shifted)
    }

    @Test func samplesFollowTheSetAcrossGapsAndStayInIt() {
        // Every other UID: positions map to the odd UIDs, runs cross range boundaries.
        let set = SequenceSet(ranges: stride(from: UInt32(1), through: 20_001, by: 2).map { $0 ... $0 })
        for _ in 0 ..< 50 {
            let runs = HeaderFetchProbe.samples(of: set, count: 4, size: 250)
            #expect(runs.allSatisfy { $0.count == 250 })
            let all = runs.joined()
            #expect(all.allSatisfy { $0 % 2 == 1 && set.contains($0) })
            #expect(Set(all).count == 1000, "runs overlap")
            #expect(Array(all) == all.sorted())
        }
    }

    @Test func aSetTooSmallGivesNoSamples() {
        let runs = HeaderFetchProbe.samples(of: SequenceSet(ranges: [1 ... 1_999]), count: 4, size: 250)
        #expect(runs.count == 4 && runs.allSatisfy { $0.isEmpty })
        #expect(HeaderFetchProbe.samples(of: SequenceSet(ranges: [1 ... UInt32.max]), count: 4, size: 250).allSatisfy { $0.isEmpty })
    }

    @Test(arguments: [
        ([100, 90], [60, 500], HeaderFetch.whole),   // the whole header clearly quicker (its slow first sample ignored)
        ([100, 90], [85, 82], HeaderFetch.fields),   // quicker, but not by a tenth: the fields
        ([30, 400], [40, 35], HeaderFetch.fields),   // the fields quicker
        ([100, 100], [90, 95], HeaderFetch.whole),   // exactly nine tenths
    ])
    func theChoiceWantsTheWholeHeaderATenthQuicker(fields: [Int], whole: [Int], expected: HeaderFetch) {
        #expect(HeaderFetchProbe.choose(fields: fields.map { .milliseconds($0) }, whole: whole.map { .milliseconds($0) }) == expected)
    }

    @Test(arguments: [
        (88, 55, true),    // a cold Dovecot's first pair: the whole header is clearly quicker
        (100, 75, true),   // exactly three quarters
        (100, 76, false),  // not clear: the second pair is timed too
        (75, 100, false),  // the fields quicker: never decided on one pair
        (40, 100, false),
    ])
    func aClearFirstPairDecidesAtOnce(fields: Int, whole: Int, expected: Bool) {
        #expect(HeaderFetchProbe.wholeIsClearlyQuicker(fields: .milliseconds(fields), whole: .milliseconds(whole)) == expected)
    }

    @Test func noTimesMeansTheFields() {
        #expect(HeaderFetchProbe.choose(fields: [], whole: [.milliseconds(1)]) == .fields)
    }
}
