import NIOCore
import TernTestSupport
import Testing
import Transport

/// `read(timeout:)`: a read that waits longer (or shorter) than the connection's read timeout,
/// as IMAP IDLE needs.
@Suite struct MailConnectionReadTimeoutTests {
    @Test func aLongerTimeoutOutlastsTheDefault() async throws {
        let server = try await ScriptedServer.start([.pause(milliseconds: 600), .send("late\r\n"), .expectClose])
        var options = MailConnectionTests.plain
        options.readTimeout = .milliseconds(200)
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: options)
        let bytes = try await connection.read(timeout: .seconds(10))
        #expect(bytes.map { String(buffer: $0) } == "late\r\n")
        await connection.close()
        _ = await server.outcome()
    }

    @Test func aShorterTimeoutFailsAndCloses() async throws {
        let server = try await ScriptedServer.start([.pause(milliseconds: 10_000)])
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port,
                                                          options: MailConnectionTests.plain)
        let error = await #expect(throws: TransportError.self) { try await connection.read(timeout: .milliseconds(150)) }
        #expect(error?.kind == .readTimeout)
        #expect(error?.description.contains("150 ms") == true)
        await server.stop()
    }
}
