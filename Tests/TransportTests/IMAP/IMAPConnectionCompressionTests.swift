import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

/// COMPRESS=DEFLATE (RFC 4978) against scripted servers: when it is asked for, a refusal, and
/// a server whose compressed data is broken. (The real thing, both ways, is tested against
/// Dovecot in IntegrationTests.)
@Suite struct IMAPConnectionCompressionTests {
    static let offering = IMAPScripts.capabilities + " COMPRESS=DEFLATE"

    func connect(_ script: [ScriptedServer.Step], compression: IMAPCompression) async throws -> (ScriptedServer, IMAPConnection) {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(script, implicitTLS: .localhost, timeout: .seconds(60))
        var settings = imapSettings(port: server.port, caFile: ca.path)
        settings.compression = compression
        return (server, try await IMAPConnection.connect(settings))
    }

    /// A server on this machine is not compressed unless asked; `.off` never asks.
    @Test(arguments: [IMAPCompression.automatic, .off])
    func notAskedForALocalServerOrWhenOff(compression: IMAPCompression) async throws {
        let (server, session) = try await connect(IMAPScripts.login(capabilities: Self.offering) + [
            .expect("A2 NOOP"),
            .send("A2 OK NOOP completed.\r\n"),
            .expect("A3 LOGOUT"),
            .send("* BYE Logging out\r\nA3 OK Logout completed.\r\n"),
            .expectClose,
        ], compression: compression)
        #expect(!session.isCompressed)
        try await session.noop()
        await session.logout()
        await expectCleanOutcome(server)
    }

    /// A session that stays uncompressed though `.on` asks: what the server does first.
    struct Uncompressed: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var capabilities: String
        var steps: [ScriptedServer.Step]
        var nextTag: String
    }

    static let uncompressed = [
        Uncompressed(testDescription: "not offered", capabilities: IMAPScripts.capabilities, steps: [], nextTag: "A2"),
        Uncompressed(testDescription: "refused", capabilities: offering, steps: [
            .expect("A2 COMPRESS DEFLATE"),
            .send("A2 NO [COMPRESSIONACTIVE] TLS compression is already on\r\n"),
        ], nextTag: "A3"),
    ]

    @Test(arguments: uncompressed)
    func notOfferedOrRefusedLeavesTheSessionUncompressed(_ example: Uncompressed) async throws {
        let (server, session) = try await connect(IMAPScripts.login(capabilities: example.capabilities) + example.steps + [
            .expect("\(example.nextTag) NOOP"),
            .send("\(example.nextTag) OK NOOP completed.\r\n"),
            .expectClose,
        ], compression: .on)
        #expect(!session.isCompressed)
        try await session.noop()
        await session.close()
        await expectCleanOutcome(server)
    }

    /// Bytes after the OK that are not DEFLATE data: the next command fails with a clear error
    /// and the session is over.
    @Test func corruptCompressedDataEndsTheSession() async throws {
        let (server, session) = try await connect(IMAPScripts.login(capabilities: Self.offering) + [
            .expect("A2 COMPRESS DEFLATE"),
            .sendBytes(Array("A2 OK DEFLATE active\r\n".utf8) + [UInt8](repeating: 0xFF, count: 16)),
            .pause(milliseconds: 3000),
            .close,
        ], compression: .on)
        #expect(session.isCompressed)
        let error = await #expect(throws: IMAPConnectionLost.self) { try await session.noop() }
        guard case .transport(let transport)? = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(transport.kind == .compressionFailed)
        #expect(transport.description.contains("compress = false"))
        #expect(await !session.isConnected)
        await session.close()
        _ = await server.outcome()
    }
}
