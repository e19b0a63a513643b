import Foundation
import NIOCore
import POP3

/// Moving commands and answers between the ``POP3Client`` state machine and the connection, and
/// the steps of the AUTHORIZATION state.
extension POP3Connection {
    /// Sends a command and reads its answer; data events go to `handle`.
    ///
    /// - Returns: The `+OK` line.
    /// - Throws: `POP3ServerError` for `-ERR`, or a transport or protocol error.
    @discardableResult
    func command(_ command: POP3Command, _ handle: (POP3Event) async throws -> Void) async throws -> POP3StatusLine {
        try await send(client.send(command))
        return try await finish(handle)
    }

    /// Reads events until the command's end.
    func finish(_ handle: (POP3Event) async throws -> Void) async throws -> POP3StatusLine {
        switch try await awaitEvent(handle) {
        case .completed(let status): return status
        case .failed(let error): throw error
        case let other:
            throw POP3ProtocolError(.malformedResponse, context: "a command's answer", expected: "+OK or -ERR",
                                    received: "\(other)")
        }
    }

    func send(_ outbound: POP3Outbound) async throws {
        connection.trace?.sent(outbound.traceText)
        try await connection.write(outbound.bytes)
    }

    /// Feeds the client until it yields a terminal event (greeting, completed, failed,
    /// startTLS). Data events go to `handle` in order; `.send` events are written at once.
    func awaitEvent(_ handle: (POP3Event) async throws -> Void) async throws -> POP3Event {
        var tracer = EventTracer(trace: connection.trace)
        var sawEndOfStream = false
        while true {
            if let event = try client.nextEvent() {
                tracer.record(event)
                switch event {
                case .send(let outbound): try await send(outbound)
                case .greeting, .completed, .failed, .startTLS: return event
                case .capability, .maildropStatus, .listEntry, .uniqueIDEntry, .listingBegin, .messageBegin,
                     .messageBytes:
                    try await handle(event)
                }
                continue
            }
            if sawEndOfStream {
                throw TransportError(.closedByServer, host: connection.host, port: connection.port)
            }
            if let bytes = try await connection.read() {
                client.receive(bytes.readableBytesView)
            } else {
                sawEndOfStream = true
                client.receiveEndOfStream()
            }
        }
    }

    /// Streams RETR or TOP into `sink`; returns the number of bytes delivered.
    func streamMessage(_ command: POP3Command, into sink: (ArraySlice<UInt8>) async throws -> Void) async throws -> Int {
        var total = 0
        try await self.command(command) { event in
            if case .messageBytes(let bytes) = event {
                total += bytes.count
                try await sink(bytes)
            }
        }
        return total
    }

    // MARK: - AUTHORIZATION

    /// CAPA; nil when the server answers `-ERR` (it predates RFC 2449).
    func askCapabilities() async throws -> POP3Capabilities? {
        do {
            try await command(.capa) { _ in }
            return client.capabilities
        } catch is POP3ServerError {
            return nil
        }
    }

    /// STLS, then the TLS handshake (RFC 2595 §4). Bytes that arrived after the `+OK` are
    /// discarded by the client and by the connection before the handshake.
    func upgradeToTLS() async throws {
        func failure(_ kind: StartTLSError.Kind) -> StartTLSError {
            StartTLSError(kind, protocolName: "POP3", command: "STLS", host: settings.host, port: settings.port)
        }
        // Without CAPA there is no list to check: try STLS and let the server say no.
        if let capabilities, !capabilities.supportsSTLS { throw failure(.notOffered) }
        try await send(client.send(.stls))
        switch try await awaitEvent({ _ in }) {
        case .startTLS(_, let discarded):
            if discarded > 0 {
                connection.trace?.note("discarded \(discarded) bytes the server sent after +OK to STLS")
            }
            try await connection.startTLS()
            client.tlsEstablished()
        case .failed(let error):
            throw failure(.refused(serverMessage: error.message))
        case let other:
            throw POP3ProtocolError(.malformedResponse, context: "the answer to STLS", expected: "+OK or -ERR",
                                    received: "\(other)")
        }
    }

    /// Logs in with the method ``POP3AuthenticationMethod/choose(for:capabilities:greeting:options:)`` picks.
    func logIn() async throws {
        let credentials = settings.credentials
        let method = try POP3AuthenticationMethod.choose(
            for: credentials.secret, capabilities: client.capabilities, greeting: client.greeting,
            options: settings.authentication)
        try await send(client.authenticate(credentials, options: settings.authentication))
        do {
            _ = try await finish { _ in }
        } catch let error as POP3ServerError {
            throw AuthenticationFailure(
                protocolName: "POP3", host: settings.host, username: credentials.username, method: method.rawValue,
                serverMessage: Self.scrub(error.message, removing: credentials),
                isTemporary: [.inUse, .loginDelay, .temporaryFailure].contains(error.responseCode))
        }
        authenticationMethod = method
    }

    /// The server's text with any copy of the password or token cut out.
    static func scrub(_ text: String, removing credentials: POP3Credentials) -> String {
        let secret: String
        switch credentials.secret {
        case .password(let value), .oauth2AccessToken(let value): secret = value
        }
        guard secret.count >= 3 else { return text }
        return text.replacingOccurrences(of: secret, with: "****")
    }
}

/// Turns client events into trace lines, in the server's words.
struct EventTracer {
    let trace: ProtocolTrace?
    private var messageBytes = 0
    private var inMultiLine = false

    init(trace: ProtocolTrace?) {
        self.trace = trace
    }

    mutating func record(_ event: POP3Event) {
        guard let trace else { return }
        switch event {
        case .greeting(let greeting): trace.received(Self.line(greeting.statusLine))
        case .listingBegin(let status):
            inMultiLine = true
            trace.received(Self.line(status))
        case .messageBegin(let status):
            inMultiLine = true
            messageBytes = 0
            trace.received(Self.line(status))
        case .capability(let capability):
            trace.received(Array(([capability.tag] + capability.arguments).joined(separator: " ").utf8))
        case .listEntry(let entry): trace.received(Array("\(entry.messageNumber) \(entry.size)".utf8))
        case .uniqueIDEntry(let entry): trace.received(Array("\(entry.messageNumber) \(entry.uniqueID.value)".utf8))
        case .messageBytes(let bytes): messageBytes += bytes.count
        case .completed(let status):
            if inMultiLine {
                if messageBytes > 0 { trace.receivedSummary("\(messageBytes) bytes of message text") }
                trace.received(Array(".".utf8))
            } else {
                trace.received(Self.line(status))
            }
            inMultiLine = false
        case .failed(let error): trace.received(Self.line(error.statusLine))
        case .startTLS(let status, _): trace.received(Self.line(status))
        case .maildropStatus, .send: break
        }
    }

    static func line(_ status: POP3StatusLine) -> [UInt8] {
        Array(((status.isOK ? "+OK" : "-ERR") + (status.text.isEmpty ? "" : " " + status.text)).utf8)
    }
}
