import Foundation
import IMAP
import MailCore
import MailEngine
import MailStore
import TernTestSupport
import Transport

/// `BenchIMAP backend FOLDER USER PASSWORD CACHEDIR`: the account backend (IMAPBackend and its
/// header cache) on a folder of the test stack's Dovecot, phase by phase:
///
/// 1. cold: an empty cache, launch to the newest 50 envelopes in the cache (the first batch);
/// 2. the whole first sync of every header;
/// 3. warm open: a new backend over the filled cache, the first page and the counts (no network);
///    then a sync that finds nothing changed (QRESYNC);
/// 4. another client flags 1,000 messages and appends 100; the resync that brings them, with
///    QRESYNC, then the same again without QRESYNC/CONDSTORE (flag refresh of every message).
enum BackendBench {
    static func run(folder: String, user: String, password: String, cacheDirectory: String) async throws {
        let stack = try MailStack.required()
        let settings = IMAPSettings(
            host: stack.host, port: stack.imapsPort,
            connection: ConnectionOptions(security: .tls, caFile: stack.caFile.path, readTimeout: .seconds(300)),
            credentials: IMAPCredentials(username: user, secret: .password(password)))
        let directory = URL(fileURLWithPath: cacheDirectory)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cacheURL = directory.appendingPathComponent("bench.sqlite")
        let path = MailboxPath(folder)
        func backend(_ options: IMAPBackendOptions = IMAPBackendOptions()) throws -> IMAPBackend {
            let cache = try HeaderCache(url: cacheURL, account: user, source: "imap://bench")
            return IMAPBackend(accountName: user, cache: cache, options: options) { settings }
        }

        // 1 and 2: cold.
        let start = ContinuousClock.now
        let cold = try backend()
        let firstPage = FirstPageClock()
        let listener = Task {
            for await event in cold.events {
                if case .messagesAdded(let folder, let added) = event, folder == path, !added.isEmpty {
                    firstPage.mark()
                }
            }
        }
        let report = try await cold.sync(path)
        let synced = ContinuousClock.now
        let page = try await cold.summaries(in: path, order: .newestFirst, range: 0 ..< 50, filter: nil)
        let firstAt = firstPage.instant ?? synced
        print(String(format: "cold: newest 50 envelopes in the cache %.3f s after launch (first batch of 200)",
                     seconds(firstAt - start)))
        print(String(format: "cold: full first sync of %d headers %.3f s (%.0f messages/s); page of %d", report.added,
                     seconds(synced - start), Double(report.added) / seconds(synced - start), page.count))
        await cold.close()
        listener.cancel()

        // 3: warm.
        let warmStart = ContinuousClock.now
        let warm = try backend()
        let warmPage = try await warm.summaries(in: path, order: .newestFirst, range: 0 ..< 50, filter: nil)
        let total = try await warm.count(in: path, filter: nil)
        let unread = try await warm.count(in: path, filter: .unread)
        let warmDone = ContinuousClock.now
        print(String(format: "warm: open from the cache (first page of %d, counts %d / %d unread) %.4f s", warmPage.count,
                     total, unread, seconds(warmDone - warmStart)))
        let resyncStart = ContinuousClock.now
        let unchanged = try await warm.sync(path)
        print(String(format: "warm: resync with nothing changed (connect, QRESYNC SELECT) %.3f s (%d changes)",
                     seconds(ContinuousClock.now - resyncStart), unchanged.added + unchanged.removed + unchanged.flagsChanged))

        // 4: changes by another client.
        let other = try await IMAPConnection.connect(settings)
        let name = await other.mailboxName(folder)
        // A keyword of this run's own, so that all 1,000 messages really change.
        let run = UUID().uuidString.prefix(8)
        for (label, options, flag) in [("QRESYNC", IMAPBackendOptions(), MessageFlag("$benchq\(run)")),
                                       ("no QRESYNC/CONDSTORE", IMAPBackendOptions(useQResync: false, useCondStore: false),
                                        MessageFlag("$benchp\(run)"))] {
            let selected = try await other.select(name)
            let highest = (selected.uidNext ?? 2) - 1
            let low = highest > 2000 ? highest - 2000 : 1
            _ = try await other.store(SequenceSet(low ... low + 999), .add, flags: [flag])
            for index in 0 ..< 100 {
                let message = Array(("From: Bench <bench@example.test>\r\nSubject: new \(label) \(index)\r\n"
                    + "Date: \(Date().formatted(.iso8601))\r\nMessage-ID: <\(UUID().uuidString)@bench>\r\n\r\nhello\r\n").utf8)
                _ = try await other.append(message, to: name)
            }
            let session = label == "QRESYNC" ? warm : try backend(options)
            let began = ContinuousClock.now
            let changed = try await session.sync(path)
            print(String(format: "resync (%@) after 1,000 flag changes and 100 new: %.3f s (%d flags, %d new)",
                         label as NSString, seconds(ContinuousClock.now - began), changed.flagsChanged, changed.added))
            if session !== warm { await session.close() }
        }
        await warm.close()
        await other.logout()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The moment the first summaries arrived.
final class FirstPageClock: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ContinuousClock.Instant?

    func mark() {
        lock.withLock { if stored == nil { stored = .now } }
    }

    var instant: ContinuousClock.Instant? { lock.withLock { stored } }
}
