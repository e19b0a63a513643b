import IMAP
import MailCore

/// The steps from the greeting to a logged-in session.
extension IMAPConnection {
    /// Greeting, CAPABILITY, STARTTLS, CAPABILITY again, login, CAPABILITY after login,
    /// COMPRESS DEFLATE (when the settings and the server agree), ID.
    func open() async throws {
        try await serialized {
            try await self.awaitGreeting()
            if !self.client.capabilitiesKnown { try await self.askCapabilities() }
            if self.settings.connection.security == .startTLS { try await self.upgradeToTLS() }
            if self.client.state == .notAuthenticated { try await self.logIn() }
            if !self.client.capabilitiesKnown { try await self.askCapabilities() }
            if self.shouldCompress { try await self.startCompression() }
            if let clientID = self.settings.clientID, self.client.capabilities.contains(.id) {
                self.serverID = try? await self.identify(clientID)
            }
        }
    }

    // greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
    private func awaitGreeting() async throws {
        while true {
            let event: IMAPClientEvent?
            do {
                event = try client.nextEvent()
            } catch {
                throw lost(.protocolViolation(error))
            }
            guard let event else {
                try await readMore()
                continue
            }
            guard case .greeting(let status, let text) = event else {
                preconditionFailure("IMAPClient: \(event) before the greeting")
            }
            tracer.untagged(.condition(status, text))
            greeting = text
            if status == .bye { throw lost(.bye(TextSanitizer.headerText(text.text))) }
            if text.code == .alert {
                eventContinuation.yield(IMAPEvent(mailbox: nil, kind: .alert(TextSanitizer.headerText(text.text))))
            }
            return
        }
    }

    /// `CAPABILITY`.
    func askCapabilities() async throws {
        try await execute(.capability)
    }

    /// STARTTLS, the handshake, and CAPABILITY again (RFC 9051 §6.2.1). Bytes that arrived
    /// after the OK are discarded by the client and by the connection.
    private func upgradeToTLS() async throws {
        func failure(_ kind: StartTLSError.Kind) -> StartTLSError {
            StartTLSError(kind, protocolName: "IMAP", command: "STARTTLS", host: host, port: port)
        }
        guard client.state == .notAuthenticated, client.capabilities.contains(.startTLS) else {
            throw failure(.notOffered)
        }
        startTLSAccepted = nil
        let tag = try await start(.startTLS, claim: { _ in false })
        try await pump(claim: { _ in false }, bodySink: nil, flush: {}) {
            self.startTLSAccepted != nil || self.completions[tag] != nil
        }
        if let response = completions[tag], response.status != .ok {
            completions[tag] = nil
            throw failure(.refused(serverMessage: TextSanitizer.headerText(response.text.text)))
        }
        completions[tag] = nil
        commandTexts[tag] = nil
        if let discarded = startTLSAccepted, discarded > 0 {
            connection.trace?.note("discarded \(discarded) bytes the server sent after its OK to STARTTLS")
        }
        do {
            try await connection.startTLS()
        } catch {
            throw error
        }
        client.tlsEstablished()
        try await askCapabilities()
    }

    /// Whether to ask for COMPRESS DEFLATE now: the server offers it and the settings want it
    /// (``IMAPCompression/automatic``: unless the server is on this machine, where compressing
    /// costs CPU and saves nothing).
    private var shouldCompress: Bool {
        guard client.capabilities.contains(.compressDeflate), !client.isCompressionActive else { return false }
        switch settings.compression {
        case .off: return false
        case .on: return true
        case .automatic: return !connection.isLoopback
        }
    }

    /// `COMPRESS DEFLATE` (RFC 4978). A refusal (`NO`, e.g. `[COMPRESSIONACTIVE]` when TLS
    /// already compresses) is noted in the trace and the session goes on uncompressed.
    private func startCompression() async throws {
        do {
            try await execute(.compressDeflate)
        } catch let refused as IMAPCommandError {
            connection.trace?.note("the server refused COMPRESS DEFLATE (\(refused.serverMessage)); going on uncompressed")
        }
    }

    /// Logs in with the method the client picks; a refusal becomes ``AuthenticationFailure``.
    private func logIn() async throws {
        let credentials = settings.credentials
        let method = try IMAPAuthenticationMethod.choose(for: credentials.secret, capabilities: client.capabilities)
        let outbound = try client.authenticate(credentials, options: settings.authentication)
        commandTexts[outbound.tag] = outbound.traceText
        try await write(outbound)
        try await pump(claim: { _ in false }, bodySink: nil, flush: {}) { self.completions[outbound.tag] != nil }
        do {
            _ = try takeCompletion(outbound.tag)
        } catch let error as IMAPCommandError {
            let temporary: Set<ResponseCode?> = [.unavailable, .inUse, .serverBug, .limit]
            throw AuthenticationFailure(
                protocolName: "IMAP", host: host, username: credentials.username, method: method.rawValue,
                serverMessage: Self.scrub(error.serverMessage, removing: credentials),
                isTemporary: temporary.contains(error.code))
        }
        authenticationMethod = method
    }

    /// `ID` (RFC 2971): tells the server who we are, learns who it is.
    func identify(_ parameters: IDParameters) async throws -> IDParameters? {
        var answer: IDParameters?
        try await execute(.id(parameters)) { routed in
            guard case .untagged(.id(let parameters)) = routed else { return false }
            answer = parameters
            return true
        }
        return answer
    }

    /// The server's text with any copy of the password or token cut out.
    static func scrub(_ text: String, removing credentials: IMAPCredentials) -> String {
        let secret: String
        switch credentials.secret {
        case .password(let value), .oauth2AccessToken(let value): secret = value
        }
        guard secret.count >= 3 else { return text }
        return text.replacingOccurrences(of: secret, with: "****")
    }
}
