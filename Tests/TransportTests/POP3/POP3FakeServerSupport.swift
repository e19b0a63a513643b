import Foundation
import POP3
import TernTestSupport
import Testing
@testable import Transport

/// Settings for a POP3 session with a scripted server on 127.0.0.1.
func pop3Settings(
    port: Int, security: ConnectionSecurity, caFile: String? = nil, password: String = "bobpw",
    allowInsecure: Bool = false, limits: POP3Limits = .default, readTimeout: Duration = .seconds(5)
) -> POP3Settings {
    POP3Settings(
        host: "127.0.0.1", port: port,
        connection: ConnectionOptions(security: security, caFile: caFile, connectTimeout: .seconds(5),
                                      readTimeout: readTimeout, writeTimeout: .seconds(5)),
        credentials: POP3Credentials(username: "bob", secret: .password(password)),
        authentication: POP3AuthenticationOptions(allowInsecureAuthentication: allowInsecure), limits: limits)
}

/// The start of a session over implicit TLS: greeting, CAPA with SASL PLAIN, AUTH PLAIN for
/// bob/bobpw.
let tlsLogin: [ScriptedServer.Step] = [
    .send("+OK Dovecot ready.\r\n"),
    .expect("CAPA"), .send("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN\r\n.\r\n"),
    .expect("AUTH PLAIN AGJvYgBib2Jwdw=="), .send("+OK Logged in.\r\n"),
]

/// Opens a session over implicit TLS with the test CA.
func connectTLS(_ server: ScriptedServer, ca: borrowing TemporaryPEM, limits: POP3Limits = .default,
                trace: ProtocolTrace? = nil) async throws -> POP3Connection {
    try await POP3Connection.connect(pop3Settings(port: server.port, security: .tls, caFile: ca.path, limits: limits),
                                     trace: trace)
}
