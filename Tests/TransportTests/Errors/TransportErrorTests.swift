import Testing
import Transport

@Suite struct TransportErrorTests {
    @Test(arguments: [
        TransportError.Kind.invalidAddress, .hostNotFound, .connectionRefused, .networkUnreachable, .connectTimeout,
        .handshakeTimeout, .readTimeout, .writeTimeout, .certificateUntrusted, .hostnameMismatch, .tlsHandshakeFailed,
        .caFileUnreadable, .closedByServer, .cancelled, .notConnected, .io,
    ])
    func everyKindHasASentence(kind: TransportError.Kind) {
        let text = TransportError(kind, host: "mail.example.test", port: 995, detail: "why").description
        #expect(text.hasSuffix("(why)."))
        #expect(text.count > 20)
    }

    @Test func startTLSErrorsSayNothingWasSentInClear() {
        let refused = StartTLSError(.refused(serverMessage: "not now"), protocolName: "POP3", command: "STLS",
                                    host: "h", port: 110)
        #expect(refused.description.contains("refused STLS (\"not now\")"))
        #expect(refused.description.contains("Nothing was sent in clear text"))
        let missing = StartTLSError(.notOffered, protocolName: "POP3", command: "STLS", host: "h", port: 110)
        #expect(missing.description.contains("does not offer STLS"))
    }

    @Test func authenticationFailureHints() {
        let wrong = AuthenticationFailure(protocolName: "POP3", host: "h", username: "bob", method: "AUTH PLAIN",
                                          serverMessage: "[AUTH] Authentication failed.", isTemporary: false)
        #expect(wrong.description.contains("Check the user name and the password"))
        let busy = AuthenticationFailure(protocolName: "POP3", host: "h", username: "bob", method: "USER/PASS",
                                         serverMessage: "[IN-USE] locked", isTemporary: true)
        #expect(busy.description.contains("try again later"))
    }
}
