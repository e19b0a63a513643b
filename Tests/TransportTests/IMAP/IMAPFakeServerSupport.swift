import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

/// Settings for an IMAP session with a scripted server on 127.0.0.1 (bob/bobpw, no ID).
func imapSettings(
    port: Int, security: ConnectionSecurity = .tls, caFile: String?, allowInsecure: Bool = false,
    limits: IMAPLimits = .default, readTimeout: Duration = .seconds(5), idleRenewal: Duration = .seconds(25 * 60),
    maximumHeldSectionSize: Int = 64 << 20
) -> IMAPSettings {
    IMAPSettings(
        host: "127.0.0.1", port: port,
        connection: ConnectionOptions(security: security, caFile: caFile, connectTimeout: .seconds(5),
                                      readTimeout: readTimeout, writeTimeout: .seconds(5)),
        credentials: IMAPCredentials(username: "bob", secret: .password("bobpw")),
        authentication: IMAPAuthenticationOptions(allowInsecureAuthentication: allowInsecure), limits: limits,
        clientID: nil, idleRenewal: idleRenewal, maximumHeldSectionSize: maximumHeldSectionSize)
}

/// A scripted server over implicit TLS and a session logged in to it.
func connectIMAP(_ script: [ScriptedServer.Step], limits: IMAPLimits = .default, readTimeout: Duration = .seconds(5),
                 idleRenewal: Duration = .seconds(25 * 60), maximumHeldSectionSize: Int = 64 << 20,
                 trace: ProtocolTrace? = nil, timeout: Duration = .seconds(120)) async throws -> (ScriptedServer, IMAPConnection) {
    let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
    let server = try await ScriptedServer.start(script, implicitTLS: .localhost, timeout: timeout)
    let session = try await IMAPConnection.connect(
        imapSettings(port: server.port, caFile: ca.path, limits: limits, readTimeout: readTimeout, idleRenewal: idleRenewal,
                     maximumHeldSectionSize: maximumHeldSectionSize),
        trace: trace)
    return (server, session)
}

/// Collects events from a connection's stream in the background.
final class EventCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [IMAPEvent] = []
    private var task: Task<Void, Never>?

    init(_ connection: IMAPConnection) {
        task = Task { [weak self] in
            for await event in connection.events { self?.append(event) }
        }
    }

    private func append(_ event: IMAPEvent) {
        lock.withLock { stored.append(event) }
    }

    var events: [IMAPEvent.Kind] { lock.withLock { stored.map(\.kind) } }

    /// Waits until `predicate` holds for the events so far (at most `timeout`).
    func wait(for timeout: Duration = .seconds(30), until predicate: ([IMAPEvent.Kind]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if predicate(events) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return predicate(events)
    }
}

/// The outcome of a scripted conversation, with the failures shown in the test output.
func expectCleanOutcome(_ server: ScriptedServer, sourceLocation: SourceLocation = #_sourceLocation) async {
    let outcome = await server.outcome()
    #expect(outcome.failures.isEmpty, "\(outcome.failures)", sourceLocation: sourceLocation)
    #expect(outcome.completed, "lines: \(outcome.receivedLines)", sourceLocation: sourceLocation)
}
