import Foundation
import GRDB
import MailCore
import Testing
@testable import MailStore

@Suite struct HeaderCacheVersionTests {
    private func fill(_ cache: HeaderCache) throws {
        try cache.write { w in
            let box = try w.ensureMailbox(.inbox).mailbox
            try w.insertNew(CacheFixtures.message(subject: "kept", date: CacheFixtures.day(1), file: "new/a"), in: box)
        }
    }

    @Test func reopeningKeepsTheCache() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let url = tmp.url.appendingPathComponent("sub/me.sqlite")
        try fill(HeaderCache(url: url, account: "me", source: "maildir:/m"))
        let again = try HeaderCache(url: url, account: "me", source: "maildir:/m")
        #expect(!again.wasRebuilt)
        #expect(try again.count(in: .inbox) == 1)
    }

    @Test func anotherSchemaVersionRebuilds() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let url = tmp.url.appendingPathComponent("me.sqlite")
        do {
            let cache = try HeaderCache(url: url, account: "me", source: "s")
            try fill(cache)
            try cache.queue.write { try $0.execute(sql: "PRAGMA user_version = \(HeaderCache.schemaVersion + 1)") }
        }
        let again = try HeaderCache(url: url, account: "me", source: "s")
        #expect(again.wasRebuilt)
        #expect(try again.count(in: .inbox) == 0)
        #expect(try again.queue.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") } == HeaderCache.schemaVersion)
    }

    @Test(arguments: [("other", "s"), ("me", "other source")])
    func anotherAccountOrSourceRebuilds(account: String, source: String) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let url = tmp.url.appendingPathComponent("me.sqlite")
        try fill(HeaderCache(url: url, account: "me", source: "s"))
        let again = try HeaderCache(url: url, account: account, source: source)
        #expect(again.wasRebuilt)
        #expect(try again.count(in: .inbox) == 0)
    }

    @Test func aDamagedFileIsReplaced() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let url = tmp.url.appendingPathComponent("me.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: url)
        let cache = try HeaderCache(url: url, account: "me", source: "s")
        #expect(cache.wasRebuilt)
        try fill(cache)
        #expect(try cache.count(in: .inbox) == 1)
    }

    @Test func theFileIsPrivateAndInWALMode() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let url = tmp.url.appendingPathComponent("me.sqlite")
        let cache = try HeaderCache(url: url, account: "me", source: "s")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try cache.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test(arguments: [
        ("me", "me"), ("work.mail", "work.mail"), ("a/b", "a%2Fb"), (".hidden", "%2Ehidden"), ("", "%00"), ("é", "%C3%A9"),
    ])
    func accountNamesMakeSafeFileNames(account: String, expected: String) {
        #expect(HeaderCache.fileName(for: account) == expected)
    }

    @Test func defaultLocationFollowsXDG() {
        #expect(HeaderCache.defaultLocation(account: "me", environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).path
            == "/c/tern/me.sqlite")
        #expect(HeaderCache.defaultLocation(account: "me", environment: ["HOME": "/h"]).path == "/h/.cache/tern/me.sqlite")
        #expect(HeaderCache.defaultLocation(account: "me", environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).path
            == "/h/.cache/tern/me.sqlite")
    }
}
