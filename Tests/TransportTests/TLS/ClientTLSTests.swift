import Foundation
import TernTestSupport
import Testing
@testable import Transport

/// A temporary PEM file for the duration of a test.
struct TemporaryPEM: ~Copyable {
    let path: String

    init(_ pem: String, name: String = "ca") throws {
        path = try ScriptedServer.writeTemporaryPEM(pem, name: name)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

@Suite struct ClientTLSTests {
    /// The system store is used as a hashed directory (read lazily) only where one exists.
    @Test(arguments: [(["1a2b3c4d.0", "ca.pem"], true), (["0123abcd.12"], true), (["ca-certificates.crt", "ca.pem"], false),
                      (["1a2b3c4.0", "1a2b3c4d.", "1a2b3c4g.0", "1a2b3c4d.r0"], false), ([], false)])
    func hashedCertificateDirectories(names: [String], hashed: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tern-certs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in names { try Data().write(to: directory.appendingPathComponent(name)) }
        #expect(ClientTLS.isHashedCertificateDirectory(directory.path) == hashed)
        #expect(!ClientTLS.isHashedCertificateDirectory(directory.appendingPathComponent("missing").path))
    }

    static func tlsOptions(caFile: String?) -> ConnectionOptions {
        ConnectionOptions(security: .tls, caFile: caFile, connectTimeout: .seconds(5), readTimeout: .seconds(5))
    }

    @Test(arguments: ["127.0.0.1", "localhost"])
    func implicitTLSVerifiesTheTestCertificate(host: String) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([.send("+OK secure\r\n"), .close], implicitTLS: .localhost)
        let connection = try await MailConnection.connect(host: host, port: server.port,
                                                          options: Self.tlsOptions(caFile: ca.path))
        #expect(connection.isTLSActive)
        #expect(connection.tlsVersion == "TLS 1.3")
        #expect(try await readText(connection, count: 12) == "+OK secure\r\n")
        await connection.close()
        _ = await server.outcome()
    }

    @Test func withoutTheCAFileTheCertificateIsUntrusted() async throws {
        let server = try await ScriptedServer.start([.send("+OK\r\n")], implicitTLS: .localhost)
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: Self.tlsOptions(caFile: nil))
        }
        #expect(error?.kind == .certificateUntrusted)
        #expect(error?.description.contains("ca_file") == true)
        await server.stop()
    }

    @Test func anUnrelatedCAIsNotEnough() async throws {
        let ca = try TemporaryPEM(TestPKI.unrelatedCACertificatePEM)
        let server = try await ScriptedServer.start([.send("+OK\r\n")], implicitTLS: .localhost)
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: server.port,
                                             options: Self.tlsOptions(caFile: ca.path))
        }
        #expect(error?.kind == .certificateUntrusted)
        await server.stop()
    }

    @Test(arguments: ["localhost", "127.0.0.1"])
    func aCertificateForAnotherHostIsRejected(host: String) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([.send("+OK\r\n")], implicitTLS: .otherHost)
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: host, port: server.port, options: Self.tlsOptions(caFile: ca.path))
        }
        #expect(error?.kind == .hostnameMismatch)
        await server.stop()
    }

    @Test func aPlainServerOnATLSPortFailsTheHandshake() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([.send("+OK I do not speak TLS\r\n"), .pause(milliseconds: 500)])
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: server.port,
                                             options: Self.tlsOptions(caFile: ca.path))
        }
        #expect(error?.kind == .tlsHandshakeFailed)
        await server.stop()
    }

    @Test func aSilentServerTimesOutTheHandshake() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([.pause(milliseconds: 3000)])
        var options = Self.tlsOptions(caFile: ca.path)
        options.connectTimeout = .milliseconds(300)
        let error = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: options)
        }
        #expect(error?.kind == .handshakeTimeout)
        await server.stop()
    }

    @Test func aMissingOrBrokenCAFileIsAClearError() async throws {
        let missing = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: 1, options: Self.tlsOptions(caFile: "/nonexistent/ca.pem"))
        }
        #expect(missing?.kind == .caFileUnreadable)
        #expect(missing?.description.contains("/nonexistent/ca.pem") == true)
        let garbage = try TemporaryPEM("this is not a certificate\n", name: "garbage")
        let broken = await #expect(throws: TransportError.self) {
            try await MailConnection.connect(host: "127.0.0.1", port: 1, options: Self.tlsOptions(caFile: garbage.path))
        }
        #expect(broken?.kind == .caFileUnreadable)
    }

    @Test func startTLSDiscardsBytesReceivedBeforeTheHandshake() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let injected = "-ERR injected before the handshake\r\n"
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"), .expect("STLS"), .send("+OK begin\r\n" + injected), .startTLS,
            .expect("CAPA"), .send("+OK over TLS\r\n"), .close,
        ])
        var options = ConnectionOptions(security: .startTLS, caFile: ca.path, connectTimeout: .seconds(5),
                                        readTimeout: .seconds(5))
        options.receiveBufferSize = 8  // one socket read becomes many 8-byte chunks
        let connection = try await MailConnection.connect(host: "127.0.0.1", port: server.port, options: options)
        #expect(try await readText(connection, count: 11) == "+OK ready\r\n")
        try await connection.write(Array("STLS\r\n".utf8))
        try await Task.sleep(for: .milliseconds(200))  // let the +OK and the injected line arrive
        // Read the +OK line as a protocol parser would: 16 bytes in two chunks, 5 past the line.
        #expect(try await readText(connection, count: 16) == "+OK begin\r\n-ERR ")
        let discarded = try await connection.startTLS()
        #expect(connection.isTLSActive)
        #expect(discarded == injected.utf8.count - 5)
        try await connection.write(Array("CAPA\r\n".utf8))
        #expect(try await readText(connection, count: 14) == "+OK over TLS\r\n")
        #expect(await server.outcome().failures.isEmpty)
        await connection.close()
    }

    @Test(arguments: [("127.0.0.1", nil), ("::1", nil), ("[::1]", nil), ("localhost", "localhost"),
                      ("mail.example.test", "mail.example.test")] as [(String, String?)])
    func serverNameSkipsIPAddresses(host: String, expected: String?) {
        #expect(ClientTLS.serverName(for: host) == expected)
    }
}
