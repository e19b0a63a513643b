import Foundation
import MailStore
import Testing
@testable import MailEngine

@Suite struct POP3DownloadPlanTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func listing(_ ids: [String?]) -> POP3Listing {
        POP3Listing(messages: ids.enumerated().map { PlannedMessage(number: $0.offset + 1, uniqueID: $0.element, size: 10) },
                    hasUniqueIDs: true)
    }

    static func downloaded(_ id: String, daysAgo: Double) -> POP3StateRecord {
        POP3StateRecord(uniqueID: id, status: .downloaded, maildirUnique: "m-\(id)", size: 9,
                        downloadedAt: now.addingTimeInterval(-daysAgo * 86_400))
    }

    @Test func newMessagesAreDownloadedAndKnownOnesSkipped() {
        let plan = POP3DownloadPlan(listing: Self.listing(["a", "b", "c"]), records: ["b": Self.downloaded("b", daysAgo: 1)],
                                    options: POP3DownloadOptions(), now: Self.now)
        #expect(plan.downloads.map(\.uniqueID) == ["a", "c"])
        #expect(plan.deletions.map(\.uniqueID) == ["b"])
        #expect(plan.deletesNewDownloads)
        #expect(plan.alreadyDownloaded == 1)
        #expect(plan.warnings.isEmpty)
    }

    @Test(arguments: [
        (nil as Int?, [String]()), (0, ["old", "new"]), (3, ["old"]), (30, []),
    ])
    func keepDaysDecidesWhatIsDeleted(keepDays: Int?, deleted: [String]) {
        let plan = POP3DownloadPlan(
            listing: Self.listing(["old", "new"]),
            records: ["old": Self.downloaded("old", daysAgo: 10), "new": Self.downloaded("new", daysAgo: 1)],
            options: POP3DownloadOptions(keepOnServer: true, keepDays: keepDays), now: Self.now)
        #expect(plan.deletions.map(\.uniqueID) == deleted)
        #expect(plan.deletesNewDownloads == (keepDays == 0))
        #expect(plan.downloads.isEmpty)
    }

    @Test func repeatedIDsAreDownloadedOnceAndProtected() {
        let plan = POP3DownloadPlan(listing: Self.listing(["a", "a", "b", "b"]), records: ["b": Self.downloaded("b", daysAgo: 1)],
                                    options: POP3DownloadOptions(), now: Self.now)
        #expect(plan.downloads.map(\.number) == [1])
        #expect(plan.deletions.isEmpty)
        #expect(plan.protectedIDs == ["a", "b"])
        #expect(plan.warnings.count == 1)
    }

    @Test func messagesWithoutAnIDAreLeftAlone() {
        let plan = POP3DownloadPlan(listing: Self.listing(["a", nil]), records: [:],
                                    options: POP3DownloadOptions(), now: Self.now)
        #expect(plan.downloads.map(\.number) == [1])
        #expect(plan.warnings.first?.contains("LIST but not in UIDL") == true)
    }

    @Test func withoutUIDLEverythingIsDownloaded() {
        let listing = POP3Listing(messages: (1...3).map { PlannedMessage(number: $0, uniqueID: nil, size: 5) },
                                  hasUniqueIDs: false)
        let plan = POP3DownloadPlan(listing: listing, records: [:], options: POP3DownloadOptions(), now: Self.now)
        #expect(plan.downloads.map(\.number) == [1, 2, 3])
        #expect(plan.deletesNewDownloads)
    }
}
