import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite struct DemoMailboxTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func install() throws -> (URL, MaildirStore) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-demo-\(UUID().uuidString)")
        return (dir, try DemoMailbox.install(at: dir, now: now))
    }

    @Test func hasBetweenThirtyAndSixtyMessagesInFourFolders() throws {
        let (dir, store) = try install()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try store.folders() == [.inbox, MailboxPath(["Archive"]), MailboxPath(["Drafts"]), MailboxPath(["Sent"])])
        var total = 0
        for folder in try store.folders() {
            let count = try store.maildir(for: folder).messages().count
            #expect(count > 0, "\(folder) is empty")
            total += count
        }
        #expect((30 ... 60).contains(total))
    }

    @Test func hasUnreadFlaggedAndDraftMessages() throws {
        let (dir, store) = try install()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = try store.maildir(for: .inbox).messages()
        #expect(inbox.contains { !$0.name.flags.contains(.seen) })
        #expect(inbox.contains { $0.name.flags.contains(.flagged) })
        let drafts = try store.maildir(for: MailboxPath(["Drafts"])).messages()
        #expect(drafts.allSatisfy { $0.name.flags.contains(.draft) })
    }

    @Test func everyMessageIsWellFormedBytes() throws {
        let (dir, store) = try install()
        defer { try? FileManager.default.removeItem(at: dir) }
        for folder in try store.folders() {
            for message in try store.maildir(for: folder).messages() {
                let bytes = Array(try Data(contentsOf: message.url))
                let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).dropLast()
                for line in lines {
                    #expect(line.last == 13, "bare LF in \(message.url.lastPathComponent)")
                    #expect(line.count <= 1000, "line over 998 characters in \(message.url.lastPathComponent)")
                }
                let headerEnd = bytes.firstRange(of: [13, 10, 13, 10])
                let header = bytes[..<(headerEnd?.lowerBound ?? 0)]
                #expect(headerEnd != nil)
                #expect(header.allSatisfy { $0 < 128 }, "8-bit header in \(message.url.lastPathComponent)")
            }
        }
    }

    @Test func coversTheCharsetsAndAttachmentsOfTheIssue() throws {
        let (dir, store) = try install()
        defer { try? FileManager.default.removeItem(at: dir) }
        var all = ""
        for folder in try store.folders() {
            for message in try store.maildir(for: folder).messages() {
                all += String(decoding: try Data(contentsOf: message.url), as: UTF8.self)
            }
        }
        for needle in ["charset=utf-8", "charset=ISO-8859-1", "charset=iso-8859-1", "charset=ISO-2022-JP", "charset=KOI8-R",
                       "application/pdf", "image/png", "name=\"build-1042.log\"", "filename*=utf-8''",
                       "multipart/alternative", "text/html", "message/rfc822", "format=flowed", "In-Reply-To:"] {
            #expect(all.contains(needle), "the demo has no \(needle)")
        }
    }

    @Test func threadReachesFourLevels() {
        let byID = Dictionary(uniqueKeysWithValues: DemoMailbox.messages.map { ($0.id, $0) })
        func depth(_ id: String) -> Int {
            var depth = 0
            var current = byID[id]
            while let parent = current?.inReplyTo { depth += 1; current = byID[parent] }
            return depth
        }
        #expect(DemoMailbox.messages.map { depth($0.id) }.max() ?? 0 >= 4)
        #expect(Set(DemoMailbox.messages.map(\.id)).count == DemoMailbox.messages.count, "duplicate demo ids")
    }

    @Test func reinstallKeepsAnExistingDemoOfTheSameVersion() throws {
        let (dir, store) = try install()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = try store.maildir(for: .inbox)
        let first = try #require(try inbox.messages().first)
        try inbox.setFlags([.seen, .flagged, .answered], of: first)
        try DemoMailbox.install(at: dir, now: now)
        #expect(try inbox.messages().contains { $0.name.flags == [.seen, .flagged, .answered] })
    }
}
