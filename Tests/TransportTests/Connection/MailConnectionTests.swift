import NIOCore
import TernTestSupport
import Testing
import Transport

/// Reads until `count` bytes arrived (or the end), as text.
func readText(_ connection: MailConnection, count: Int) async throws -> String {
    var bytes: [UInt8] = []
    while bytes.count < count, let buffer = try await connection.read() {
        bytes += buffer.readableBytesView
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite struct MailConnectionTests {
    static let plain = ConnectionOptions(security: .none, connectTimeout: .seconds(5), readTimeout: .seconds(5))

    @Test func plainRoundTrip() async throws {
        let server = try await ScriptedServer.start([.send("hello\r\n"), .expect("PING"), .send("PONG\r\n"), .close])
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: Self.plain)
        #expect(!connection.isTLSActive)
        #expect(try await readText(connection, count: 7) == "hello\r\n")
        try await connection.write(Array("PING\r\n".utf8))
        #expect(try await readText(connection, count: 6) == "PONG\r\n")
        #expect(try await connection.read() == nil)  // the server closed
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        await connection.close()
    }

    @Test func splitSendsArriveInOrder() async throws {
        let text = "+OK a reply cut into pieces\r\n"
        let server = try await ScriptedServer.start([.sendSplit(text, .bytewise), .close])
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: Self.plain)
        #expect(try await readText(connection, count: text.utf8.count) == text)
        _ = await server.outcome()
        await connection.close()
    }

    @Test func refusedConnection() async throws {
        let server = try await ScriptedServer.start([])
        let port = server.port
        await server.stop()
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: port, options: Self.plain)
        }
        #expect(error?.kind == .connectionRefused)
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
    }

    @Test(arguments: [("", 110), ("127.0.0.1", 0), ("127.0.0.1", 70000)])
    func invalidAddress(host: String, port: Int) async throws {
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: host, port: port, options: Self.plain)
        }
        #expect(error?.kind == .invalidAddress)
    }

    @Test func readTimeout() async throws {
        let server = try await ScriptedServer.start([.pause(milliseconds: 10_000)])
        var options = Self.plain
        options.readTimeout = .milliseconds(200)
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: options)
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: TransportError.self) { try await connection.read() }
        #expect(error?.kind == .readTimeout)
        // Well before the server's 10 s pause ends (event loops shared with busy tests can be late).
        #expect(clock.now - start < .seconds(8))
        // The connection is closed after a timeout.
        let again = await #expect(throws: TransportError.self) { try await connection.read() }
        #expect(again?.kind == .readTimeout)
        await server.stop()
    }

    @Test func cancellingAReadClosesTheConnection() async throws {
        let server = try await ScriptedServer.start([.expectClose])
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: Self.plain)
        let reader = Task { try await connection.read() }
        try await Task.sleep(for: .milliseconds(100))
        reader.cancel()
        let result = await reader.result
        #expect(throws: TransportError(.cancelled, host: "127.0.0.1", port: server.port)) { try result.get() }
        let outcome = await server.outcome()
        #expect(outcome.completed)  // the server saw the close
    }

    @Test func bytesStayBufferedUntilRead() async throws {
        let server = try await ScriptedServer.start([.send("one\r\n"), .send("two\r\n"), .expect("DONE"), .close])
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: Self.plain)
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await readText(connection, count: 10) == "one\r\ntwo\r\n")
        try await connection.write(Array("DONE\r\n".utf8))
        #expect(await server.outcome().failures.isEmpty)
        await connection.close()
    }
}
