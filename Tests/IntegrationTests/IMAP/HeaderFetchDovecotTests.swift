import Foundation
import IMAP
import MailCore
@testable import MailEngine
import MailStore
import TernTestSupport
import Testing
import Transport

/// The two ways of fetching a list row's header against the real Dovecot: the same rows either
/// way, and the automatic choice fetching the rest by one (timing both, unless the newest page
/// showed the fields cached).
@Suite(.enabled(if: MailStack.shouldRun)) struct HeaderFetchDovecotTests {
    @Test func fieldsWholeHeaderAndTheAutomaticChoiceCacheTheSameRows() async throws {
        let fixture = try IMAPBackendFixture.make("hdrfetch")
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await fixture.append(1000, to: "Rows", via: client)
        let path = MailboxPath("Rows")
        var rows: [HeaderFetch: [CachedMessage]] = [:]
        for mode in [HeaderFetch.fields, .whole, .automatic] {
            let lines = TraceLines()
            var options = IMAPBackendOptions(batchSize: 50, firstBatchSize: 50, pipelineDepth: 2, fetchConnections: 2,
                                             parallelFetchThreshold: 100, writeBatchRows: 300, headerFetch: mode)
            options.headerFetchSampleSize = 20
            let cache = try HeaderCache(url: fixture.directory.appendingPathComponent("\(mode).sqlite"), account: fixture.user.name,
                                        source: "imap://\(fixture.user.name)@test")
            let settings = fixture.settings()
            let backend = IMAPBackend(accountName: fixture.user.name, cache: cache, options: options,
                                      trace: lines.makeTrace()) { settings }
            let report = try await backend.sync(path)
            #expect(report.added == 1000, "\(mode)")
            #expect(try cache.uids(in: path) == uids.sorted(), "\(mode)")
            rows[mode] = try cache.messages(uids, in: path).sorted { $0.uid < $1.uid }
            let chosen = await backend.lastHeaderFetch
            switch mode {
            case .fields:
                #expect(chosen == .fields && lines.matching("BODY.PEEK[HEADER]") == 0)
            case .whole:
                // The newest batch by fields (as for the first screen), all the rest by whole header.
                #expect(chosen == .whole && lines.matching("BODY.PEEK[HEADER]") > 0)
            case .automatic:
                // After the fields run Dovecot has the fields cached: a newest page quicker than the
                // search and a first sample as quick say so, and the rest comes by fields without
                // timing the whole header; otherwise both ways are timed.
                let sampled = lines.matching("header fetch: samples of 20 messages") == 1
                let shortcut = lines.matching("the server has the fields cached") == 1
                #expect(sampled != shortcut, "either the samples or the newest page decided")
                if sampled {
                    #expect(chosen == .fields || chosen == .whole)
                    #expect(lines.matching("BODY.PEEK[HEADER]") >= 1, "both ways were timed")
                } else {
                    #expect(chosen == .fields && lines.matching("BODY.PEEK[HEADER]") == 0)
                }
            }
            await backend.close()
        }
        let byFields = try #require(rows[.fields])
        #expect(byFields.count == 1000)
        #expect(byFields.allSatisfy { $0.envelope.subject?.hasPrefix("message") == true && $0.envelope.messageID != nil })
        #expect(rows[.whole] == byFields)
        #expect(rows[.automatic] == byFields)
        await client.logout()
    }

    @Test func theInteractiveClientsSyncFillsTheSearchIndexAfterwards() async throws {
        let fixture = try IMAPBackendFixture.make("ftsafter")
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        _ = try await fixture.append(30, to: "Later", via: client)
        let path = MailboxPath("Later")
        for background in [false, true] {
            var options = IMAPBackendOptions()
            options.indexTextAfterSync = background
            let cache = try HeaderCache(url: fixture.directory.appendingPathComponent("fts-\(background).sqlite"),
                                        account: fixture.user.name, source: "imap://\(fixture.user.name)@test")
            let settings = fixture.settings()
            let backend = IMAPBackend(accountName: fixture.user.name, cache: cache, options: options) { settings }
            #expect(try await backend.sync(path).added == 30)
            var behind = try cache.textIndexIsBehind()
            let deadline = ContinuousClock.now + .seconds(10)
            while background, behind, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                behind = try cache.textIndexIsBehind()
            }
            #expect(behind == !background, "background indexing: \(background)")
            // Either way a search finds the messages.
            #expect(try await backend.search(.subject("message 17"), in: path).count == 1)
            #expect(try cache.textIndexIsBehind() == false)
            await backend.close()
        }
        await client.logout()
    }
}
