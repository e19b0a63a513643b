import Foundation
import MailEngine
import MailStore
import POP3
import TernTestSupport
import Testing
import Transport

/// The POP3 download against the real Dovecot of the test stack: STLS on 1110, TLS on 1995.
/// Each test has a Dovecot user of its own (``DovecotTestUser``). They run one at a time so that
/// the memory measured by the 20 MB test is its own.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct POP3DownloadDovecotTests {
    /// A local account: its Maildir and state database in a fresh folder.
    struct LocalAccount {
        let root: URL
        var maildir: Maildir { Maildir(directory: root.appendingPathComponent("Mail")) }
        var statePath: String { root.appendingPathComponent("Mail/\(POP3StateStore.fileName)").path }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pop3dl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func messages() throws -> [[UInt8]] {
            try maildir.messages().map { Array(try Data(contentsOf: $0.url)) }
        }
    }

    static func downloader(
        _ stack: MailStack, user: DovecotTestUser, account: LocalAccount, security: ConnectionSecurity = .tls,
        port: Int? = nil, keepOnServer: Bool = false
    ) throws -> POP3Downloader {
        let settings = Transport.POP3Settings(
            host: stack.host, port: port ?? (security == .tls ? stack.pop3sPort : stack.pop3Port),
            connection: ConnectionOptions(security: security, caFile: stack.caFile.path, connectTimeout: .seconds(10),
                                          readTimeout: .seconds(30)),
            credentials: POP3Credentials(username: user.name, secret: .password(user.password)))
        return POP3Downloader(settings: settings, maildir: account.maildir,
                              state: try POP3StateStore(path: account.statePath),
                              options: POP3DownloadOptions(keepOnServer: keepOnServer))
    }

    /// The same multiset of byte strings.
    static func sameMessages(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
        a.count == b.count && a.reduce(into: [:]) { $0[$1, default: 0] += 1 } == b.reduce(into: [[UInt8]: Int]()) {
            $0[$1, default: 0] += 1
        }
    }

    @Test(arguments: [(ConnectionSecurity.tls, false), (.startTLS, true)])
    func download500MessagesByteForByte(security: ConnectionSecurity, keepOnServer: Bool) async throws {
        let stack = try MailStack.required()
        let user = try DovecotTestUser.create(in: stack)
        let account = try LocalAccount()
        defer { account.remove() }
        let delivered = TestMessages.make(count: 500, token: user.name)
        try user.deliver(delivered)

        let clock = ContinuousClock()
        let start = clock.now
        let report = try await Self.downloader(stack, user: user, account: account, security: security,
                                               keepOnServer: keepOnServer).run()
        let elapsed = clock.now - start
        #expect(report.listed == 500)
        #expect(report.downloaded == 500)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(Self.sameMessages(try account.messages(), delivered), "every file byte for byte as delivered")
        let totalBytes = delivered.reduce(0) { $0 + $1.count }
        #expect(report.downloadedBytes == totalBytes)
        print("POP3 download of 500 messages (\(ByteCountText.format(totalBytes))) over \(security): \(elapsed)")

        let onServer = try user.messagesOnServer()
        if keepOnServer {
            #expect(report.deletedFromServer == 0)
            #expect(Self.sameMessages(onServer, delivered))
            // A second sync downloads nothing and still deletes nothing.
            let again = try await Self.downloader(stack, user: user, account: account, security: security,
                                                  keepOnServer: true).run()
            #expect(again.downloaded == 0)
            #expect(again.alreadyDownloaded == 500)
            #expect(try user.messagesOnServer().count == 500)
        } else {
            #expect(report.deletedFromServer == 500)
            #expect(onServer.isEmpty, "QUIT deleted every downloaded message")
        }
        #expect(try account.messages().count == 500)
    }

    /// The connection dies in the middle of a RETR (a proxy resets it after some bytes); the next
    /// sync completes with no message lost and none twice.
    @Test(arguments: [ConnectionSecurity.startTLS, .tls])
    func aConnectionKilledInTheMiddleOfARetrLosesNothing(security: ConnectionSecurity) async throws {
        let stack = try MailStack.required()
        let user = try DovecotTestUser.create(in: stack)
        let account = try LocalAccount()
        defer { account.remove() }
        let delivered = TestMessages.make(count: 120, token: user.name, seed: 3)
        try user.deliver(delivered)
        let total = delivered.reduce(0) { $0 + $1.count }

        let proxy = try CuttingProxy(target: security == .tls ? stack.pop3sPort : stack.pop3Port, cutAfter: total / 2)
        defer { proxy.stop() }
        let first = try Self.downloader(stack, user: user, account: account, security: security, port: proxy.port)
        await #expect(throws: (any Error).self) { try await first.run() }
        #expect(proxy.didCut)
        let partial = try account.messages()
        #expect(partial.count > 0 && partial.count < 120, "the cut came in the middle (\(partial.count) done)")
        #expect(try user.messagesOnServer().count == 120, "nothing deleted without QUIT")

        let report = try await Self.downloader(stack, user: user, account: account, security: security).run()
        #expect(report.downloaded == 120 - partial.count)
        #expect(report.deletedFromServer == 120)
        #expect(Self.sameMessages(try account.messages(), delivered), "each message once, byte for byte")
        #expect(try user.messagesOnServer().isEmpty)
        let tmp = try FileManager.default.contentsOfDirectory(atPath: account.maildir.directory.appendingPathComponent("tmp").path)
        #expect(tmp.isEmpty)
    }

    /// A 20 MB message streams to disk: the bytes match, and memory does not grow by the size of
    /// the message.
    @Test func aTwentyMegabyteMessage() async throws {
        let stack = try MailStack.required()
        let user = try DovecotTestUser.create(in: stack)
        let account = try LocalAccount()
        defer { account.remove() }
        let large = TestMessages.large(size: 20 * 1024 * 1024, token: user.name)
        try user.deliver([large])

        let before = MemoryUsage.resetPeak()
        let report = try await Self.downloader(stack, user: user, account: account).run()
        let peak = MemoryUsage.peak()
        #expect(report.downloaded == 1)
        let files = try account.messages()
        #expect(files.count == 1)
        #expect(files.first == large)
        if let before, let peak {
            let growth = peak - before
            print("20 MB POP3 message: resident memory grew by \(ByteCountText.format(growth)) at its peak")
            // Buffering the message whole would add at least its size (20 MB) at once.
            #expect(growth < 20 * 1024 * 1024, "peak growth \(growth) bytes")
        }
    }
}

/// The process's resident memory, from /proc (Linux).
enum MemoryUsage {
    /// Resets the peak (VmHWM) to the current resident size and returns that size.
    static func resetPeak() -> Int? {
        // Writing 5 to clear_refs resets the peak resident set size (Linux 4.0 and later).
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        if fd >= 0 {
            _ = write(fd, "5", 1)
            close(fd)
        }
        return value("VmRSS")
    }

    /// The peak resident size since the last reset.
    static func peak() -> Int? { value("VmHWM") }

    private static func value(_ key: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.split(separator: " ").dropFirst().first { Int($0) != nil }
            return digits.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
