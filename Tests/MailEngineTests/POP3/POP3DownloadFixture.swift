import Foundation
import MailStore
import POP3
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

/// A fake POP3 server with a maildrop, an account Maildir and a state database in a fresh
/// temporary folder, and downloaders over them.
struct POP3DownloadFixture {
    let server: FakePOP3Server
    let root: URL
    let maildir: Maildir
    let statePath: String
    /// The messages first put in the maildrop, by unique id.
    let originals: [String: FakePOP3Server.Message]

    /// A fixture with `count` messages (or the given ones).
    static func make(
        count: Int = 5, messages: [FakePOP3Server.Message]? = nil, behavior: FakePOP3Server.Behavior = .init()
    ) async throws -> POP3DownloadFixture {
        let messages = messages ?? (1...max(count, 1)).prefix(count).map(Self.sampleMessage)
        let server = try await FakePOP3Server.start(messages: messages, behavior: behavior)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pop3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let maildir = Maildir(directory: root.appendingPathComponent("Mail"))
        return POP3DownloadFixture(
            server: server, root: root, maildir: maildir,
            statePath: root.appendingPathComponent(POP3StateStore.fileName).path,
            originals: Dictionary(messages.map { ($0.uniqueID, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// A message whose text names its number, with lines that need dot-stuffing and a lone CR.
    static func sampleMessage(_ number: Int) -> FakePOP3Server.Message {
        var text = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: message \(number)\r\n"
            + "Message-ID: <m\(number)@example.test>\r\n\r\n"
        text += ".a line starting with a dot\r\n..two dots\r\n.\r\nbare CR \r inside\r\n"
        text += String(repeating: "body line \(number) of some length to fill the message.\r\n", count: number * 40)
        return FakePOP3Server.Message(uniqueID: String(format: "%08X-uid", number), text: text)
    }

    /// A downloader for this fixture.
    func downloader(
        keepOnServer: Bool = false, keepDays: Int? = nil, depth: Int = 16, batchSize: Int = 3,
        faults: (@Sendable (POP3DownloadStep) throws -> Void)? = nil, now: Date? = nil
    ) throws -> POP3Downloader {
        let settings = Transport.POP3Settings(
            host: "127.0.0.1", port: server.port,
            connection: ConnectionOptions(security: .none, connectTimeout: .seconds(5), readTimeout: .seconds(5),
                                          writeTimeout: .seconds(5)),
            credentials: POP3Credentials(username: "bob", secret: .password("bobpw")),
            authentication: POP3AuthenticationOptions(allowInsecureAuthentication: true))
        var downloader = POP3Downloader(
            settings: settings, maildir: maildir, state: try POP3StateStore(path: statePath),
            options: POP3DownloadOptions(keepOnServer: keepOnServer, keepDays: keepDays, pipelineDepth: depth,
                                         batchSize: batchSize))
        if let faults { downloader.faults = POP3DownloadFaults(hook: faults) }
        if let now { downloader.now = { now } }
        return downloader
    }

    /// Runs a download.
    @discardableResult
    func sync(keepOnServer: Bool = false, keepDays: Int? = nil, depth: Int = 16, batchSize: Int = 3,
              now: Date? = nil) async throws -> POP3DownloadReport {
        let trace = ProcessInfo.processInfo.environment["TERN_SHOW_TRACE"] == "1" ? ProtocolTrace.standardError() : nil
        return try await downloader(keepOnServer: keepOnServer, keepDays: keepDays, depth: depth, batchSize: batchSize,
                                    now: now).run(trace: trace)
    }

    /// The contents of every message file in new/ and cur/.
    func maildirContents() throws -> [[UInt8]] {
        try maildir.messages().map { Array(try Data(contentsOf: $0.url)) }
    }

    /// Files left in tmp/.
    func temporaryFiles() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: maildir.directory.appendingPathComponent("tmp").path)) ?? []
    }

    /// Checks that the Maildir holds each of `ids`' messages exactly once, with LF line
    /// endings, and nothing else; that tmp/ is empty; and that no record is pending.
    func expectExactlyOnce(_ ids: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = ids.compactMap { originals[$0] }.map { Self.lf($0.bytes) }
        let actual = try maildirContents()
        #expect(actual.count == expected.count, "files in the Maildir", sourceLocation: sourceLocation)
        #expect(Self.counted(actual) == Self.counted(expected), "each message once, byte for byte",
                sourceLocation: sourceLocation)
        #expect(temporaryFiles().isEmpty, "tmp/ is empty", sourceLocation: sourceLocation)
        #expect(try POP3StateStore(path: statePath).pendingRecords().isEmpty, "no pending record",
                sourceLocation: sourceLocation)
    }

    /// The text with every CRLF turned into LF, as a Maildir stores it.
    static func lf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 1
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    private static func counted(_ items: [[UInt8]]) -> [[UInt8]: Int] {
        items.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    func remove() async {
        await server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
