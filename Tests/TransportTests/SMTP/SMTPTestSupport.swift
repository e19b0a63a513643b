import Foundation
import SMTP
import TernTestSupport
import Testing
@testable import Transport

/// Settings for an SMTP session with a fake server on 127.0.0.1, alice/alicepw.
func smtpSettings(
    port: Int, security: ConnectionSecurity, caFile: String? = nil, password: String? = "alicepw",
    allowInsecure: Bool = false, readTimeout: Duration = .seconds(5), dataTimeout: Duration = .seconds(5),
    pipelining: Bool = true
) -> SMTPSettings {
    SMTPSettings(
        host: "127.0.0.1", port: port,
        connection: ConnectionOptions(security: security, caFile: caFile, connectTimeout: .seconds(5),
                                      readTimeout: readTimeout, writeTimeout: .seconds(5)),
        credentials: password.map { SMTPCredentials(username: "alice", secret: .password($0)) },
        authentication: SMTPAuthenticationOptions(allowInsecureAuthentication: allowInsecure),
        clientName: "client.test", dataTimeout: dataTimeout, usePipelining: pipelining)
}

/// AUTH PLAIN of alice/alicepw as sent.
let alicePlain = "AUTH PLAIN AGFsaWNlAGFsaWNlcHc="

/// The EHLO reply of a server with the usual extensions.
func ehloReply(_ extensions: [String] = ["PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES",
                                         "AUTH PLAIN LOGIN"]) -> String {
    let lines = ["mail.example.test"] + extensions
    return lines.enumerated().map { "250\($0.offset == lines.count - 1 ? " " : "-")\($0.element)\r\n" }.joined()
}

/// A session over implicit TLS: greeting, EHLO, AUTH PLAIN.
let smtpTLSLogin: [ScriptedServer.Step] = [
    .send("220 mail.example.test ESMTP\r\n"),
    .expect("EHLO client.test"), .send(ehloReply()),
    .expect(alicePlain), .send("235 2.7.0 Authentication successful\r\n"),
]

/// A small message and the lines the server reads for it.
let smallMessage = Array("Subject: hi\r\n\r\nHello\r\n.dot\r\n".utf8)
let smallMessageLines: [ScriptedServer.Step] = [.expect("Subject: hi"), .expect(""), .expect("Hello"),
                                                .expect("..dot"), .expect(".")]
let bobEnvelope = SMTPEnvelope(sender: "alice@example.test", recipients: ["bob@example.test"])

/// A scripted server with a generous time limit: when the whole suite runs on a busy machine, a
/// conversation of a few hundred milliseconds can take many seconds.
func scriptedSMTPServer(_ script: [ScriptedServer.Step], implicitTLS: ScriptedServer.Identity? = nil,
                        timeout: Duration = .seconds(120)) async throws -> ScriptedServer {
    try await ScriptedServer.start(script, implicitTLS: implicitTLS, timeout: max(timeout, .seconds(120)))
}
