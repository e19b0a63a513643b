import Foundation
import POP3
import TernTestSupport
import Testing
@testable import Transport

@Suite struct POP3ConnectionHostileServerTests {
    /// `+OK`, then `count` UIDL lines, then `.`.
    static func uidlListing(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = Array("+OK\r\n".utf8)
        bytes.reserveCapacity(count * 24 + 10)
        for number in 1...count { bytes += Array("\(number) 0000\(number)566f2a0b\r\n".utf8) }
        return bytes + Array(".\r\n".utf8)
    }

    @Test func aMillionUIDLLinesPastTheLimitStopEarly() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [.expect("UIDL"), .sendBytes(Self.uidlListing(1_000_000)),
                                                                .expectClose],
                                                    implicitTLS: .localhost, timeout: .seconds(60))
        let session = try await connectTLS(server, ca: ca, limits: POP3Limits(maximumListingLines: 10_000))
        let error = await #expect(throws: POP3ProtocolError.self) { try await session.uidl() }
        #expect(error?.kind == .tooManyLines(limit: 10_000))
        let after = await #expect(throws: TransportError.self) { try await session.noop() }
        #expect(after?.kind == .notConnected)
        _ = await server.outcome()
    }

    @Test func aMillionUIDLLinesWithinTheDefaultLimit() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [.expect("UIDL"), .sendBytes(Self.uidlListing(1_000_000)),
                                                                .expect("QUIT"), .send("+OK\r\n"), .close],
                                                    implicitTLS: .localhost, timeout: .seconds(120))
        let session = try await connectTLS(server, ca: ca)
        let clock = ContinuousClock()
        let start = clock.now
        let entries = try await session.uidl()
        let elapsed = clock.now - start
        #expect(entries.count == 1_000_000)
        #expect(entries.last?.uniqueID.value == "00001000000566f2a0b")
        print("UIDL of 1,000,000 lines over TLS: \(elapsed)")
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func uidlValuesAreDataNotPaths() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let body = "Subject: x\r\n\r\nhello\r\n"
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect("UIDL"), .send("+OK\r\n1 ../../etc/passwd\r\n.\r\n"),
            .expect("RETR 1"), .send("+OK\r\n" + body + ".\r\n"),
            .expect("QUIT"), .send("+OK\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        let entries = try await session.uidl()
        #expect(entries.map(\.uniqueID.value) == ["../../etc/passwd"])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tern-retr-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("message")
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(fd >= 0)
        let written = try await session.retr(1, toFileDescriptor: fd)
        close(fd)
        #expect(written == body.utf8.count)
        #expect(try String(contentsOf: file, encoding: .utf8) == body)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["message"])
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func anEndlessMessageStopsAtTheLimit() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let line = String(repeating: "x", count: 1000) + "\r\n"
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect("RETR 1"), .send("+OK\r\n" + String(repeating: line, count: 200)), .expectClose,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca, limits: POP3Limits(maximumMessageSize: 100_000))
        let collected = ByteCollector()
        let error = await #expect(throws: POP3ProtocolError.self) { try await session.retr(1) { collected.append($0) } }
        #expect(error?.kind == .messageTooLarge(limit: 100_000))
        #expect(collected.text.utf8.count <= 100_000)
        _ = await server.outcome()
    }

    @Test func concurrentCallsDoNotInterleave() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        var steps = tlsLogin
        for _ in 0..<20 { steps += [.expect("STAT"), .sendSplit("+OK 1 5\r\n", .bytewise)] }
        steps += [.expect("QUIT"), .send("+OK\r\n"), .close]
        let server = try await ScriptedServer.start(steps, implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        // Twenty callers at once: each STAT must wait for the previous answer, or the client
        // would see a second command while the first is pending.
        try await withThrowingTaskGroup(of: POP3MaildropStatus.self) { group in
            for _ in 0..<20 { group.addTask { try await session.stat() } }
            for try await status in group { #expect(status == POP3MaildropStatus(messageCount: 1, totalSize: 5)) }
        }
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }
}
