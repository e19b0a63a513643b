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
/// 1. cold: an empty cache, launch to the newest 50 envelopes in the cache by `syncNewest` (what
///    `tern list` and a first screen use);
/// 2. cold again: an empty cache, launch to the first batch of a whole first sync in the cache;
/// 3. that whole first sync of every header;
/// 4. warm open: a new backend over the filled cache, the first page and the counts (no network);
///    then a sync that finds nothing changed (QRESYNC);
/// 5. another client flags 1,000 messages and appends 100; the resync that brings them, with
///    QRESYNC, then the same again without QRESYNC/CONDSTORE (flag refresh of every message).
enum BackendBench {
    static func run(folder: String, user: String, password: String, cacheDirectory: String) async throws {
        let (settings, directory) = try prepare(user: user, password: password, cacheDirectory: cacheDirectory)
        let cacheURL = directory.appendingPathComponent("bench.sqlite")
        let path = MailboxPath(folder)
        func backend(_ options: IMAPBackendOptions = IMAPBackendOptions()) throws -> IMAPBackend {
            let cache = try HeaderCache(url: cacheURL, account: user, source: "imap://bench")
            return IMAPBackend(accountName: user, cache: cache, options: options) { settings }
        }

        // 1: the newest 50 from an empty cache, as `tern list` and a first screen get them. With
        // TERN_BENCH_TRACE=FILE the protocol dialogue of this step goes to FILE, time-stamped.
        let trace = try ProcessInfo.processInfo.environment["TERN_BENCH_TRACE"].map { try ProtocolTrace.appending(toFileAt: $0) }
        let newestURL = directory.appendingPathComponent("newest.sqlite")
        let newestStart = ContinuousClock.now
        let newestCache = try HeaderCache(url: newestURL, account: user, source: "imap://bench")
        let newest = IMAPBackend(accountName: user, cache: newestCache, trace: trace) { settings }
        let newestReport = try await newest.syncNewest(path, count: 50)
        let newestPage = try await newest.summaries(in: path, order: .newestFirst, range: 0 ..< 50, filter: nil)
        let newestDone = ContinuousClock.now
        guard newestPage.count == 50, newestReport.added == 50 else {
            throw BackendError.failed("bench: syncNewest brought \(newestReport.added) messages and a page of \(newestPage.count), not 50")
        }
        print(String(format: "cold: newest 50 envelopes (syncNewest, empty cache) %.3f s after launch", seconds(newestDone - newestStart)))
        await newest.close()

        // 2 and 3: cold, the whole first sync.
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
        print(String(format: "cold: first batch of a whole first sync (newest 200) in the cache %.3f s after launch",
                     seconds(firstAt - start)))
        print(String(format: "cold: full first sync of %d headers %.3f s (%.0f messages/s); page of %d", report.added,
                     seconds(synced - start), Double(report.added) / seconds(synced - start), page.count))
        await cold.close()
        listener.cancel()

        // 4: warm.
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

        // 5: changes by another client.
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
                    + "Date: \(MailDate(date: Date(), zoneOffset: 0).rfc5322)\r\nMessage-ID: <\(UUID().uuidString)@bench>\r\n\r\nhello\r\n").utf8)
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

    /// The stack's IMAPS settings for `user`, and `cacheDirectory` emptied (made when missing).
    private static func prepare(user: String, password: String, cacheDirectory: String) throws -> (IMAPSettings, URL) {
        let stack = try MailStack.required()
        let settings = IMAPSettings(
            host: stack.host, port: stack.imapsPort,
            connection: ConnectionOptions(security: .tls, caFile: stack.caFile.path, readTimeout: .seconds(300)),
            credentials: IMAPCredentials(username: user, secret: .password(password)))
        let directory = URL(fileURLWithPath: cacheDirectory)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (settings, directory)
    }

    /// `BenchIMAP sync`: the whole first sync from an empty cache, wall and CPU seconds, with the
    /// options the environment gives (see BenchIMAP.swift).
    static func firstSync(folder: String, user: String, password: String, cacheDirectory: String) async throws {
        let (settings, directory) = try prepare(user: user, password: password, cacheDirectory: cacheDirectory)
        let environment = ProcessInfo.processInfo.environment
        func number(_ name: String, _ fallback: Int) -> Int { environment[name].flatMap { Int($0) } ?? fallback }
        let defaults = IMAPBackendOptions()
        let options = IMAPBackendOptions(batchSize: number("TERN_BENCH_BATCH", defaults.batchSize),
                                         pipelineDepth: number("TERN_BENCH_DEPTH", defaults.pipelineDepth),
                                         fetchConnections: number("TERN_BENCH_CONNECTIONS", defaults.fetchConnections),
                                         writeBatchRows: number("TERN_BENCH_WRITE_ROWS", defaults.writeBatchRows))
        let start = ContinuousClock.now
        let cpuStart = BenchIMAP.cpuTime()
        let cache = try HeaderCache(url: directory.appendingPathComponent("sync.sqlite"), account: user, source: "imap://bench")
        let backend = IMAPBackend(accountName: user, cache: cache, options: options) { settings }
        let report = try await backend.sync(MailboxPath(folder))
        let elapsed = seconds(ContinuousClock.now - start)
        print(String(format: "first sync of %d headers: %.3f s wall, %.3f s CPU (%d connections, batches of %d, %d deep, writes of %d rows)",
                     report.added, elapsed, BenchIMAP.cpuTime() - cpuStart, options.fetchConnections, options.batchSize,
                     options.pipelineDepth, options.writeBatchRows))
        await backend.close()
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
