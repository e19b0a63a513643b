import NIOCore
import POP3

/// A logged-in POP3 session (RFC 1939) over a ``MailConnection``: the async face of the
/// sans-I/O ``POP3Client``.
///
/// ``connect(_:trace:)`` reads the greeting, asks CAPA, upgrades with STLS when the account
/// says `starttls` (and fails if the server does not offer or refuses it), asks CAPA again over
/// TLS, and logs in. Calls are served one at a time, in order. Messages marked with ``dele(_:)``
/// are deleted only by ``quit()``; ``close()`` ends the session without deleting anything.
///
/// Errors: ``TransportError`` (network, TLS, timeouts), ``StartTLSError``,
/// ``AuthenticationFailure``, `POP3AuthenticationError` (refused before sending credentials),
/// `POP3ServerError` (`-ERR` to a command; the session goes on), `POP3ProtocolError` (the server
/// broke the protocol; the connection is closed). After any error but `POP3ServerError`, the
/// session is over and every call throws `TransportError(.notConnected)`.
public actor POP3Connection {
    /// The server's greeting.
    public internal(set) var greeting: POP3Greeting?
    /// The capabilities from the last CAPA (after TLS when STLS was used; after login if the
    /// caller asks ``refreshCapabilities()``), or nil when the server does not support CAPA.
    public internal(set) var capabilities: POP3Capabilities?
    /// How the login was done.
    public internal(set) var authenticationMethod: POP3AuthenticationMethod?

    let connection: MailConnection
    var client: POP3Client
    let settings: POP3Settings
    var isOpen = true
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    private init(connection: MailConnection, settings: POP3Settings) {
        self.connection = connection
        self.settings = settings
        self.client = POP3Client(limits: settings.limits, isTLSActive: connection.isTLSActive)
    }

    /// Opens a session and logs in.
    ///
    /// - Parameters:
    ///   - settings: Server, security, credentials, limits.
    ///   - trace: Where to record the dialogue (passwords hidden), or nil.
    /// - Returns: A session in the TRANSACTION state.
    /// - Throws: ``TransportError``, ``StartTLSError``, ``AuthenticationFailure``,
    ///   `POP3AuthenticationError`, `POP3ServerError` (a `-ERR` greeting), `POP3ProtocolError`.
    public static func connect(_ settings: POP3Settings, trace: ProtocolTrace? = nil) async throws -> POP3Connection {
        let labeled = trace?.labeled("pop3 \(settings.host):\(settings.port)")
        let connection = try await MailConnection.connect(
            host: settings.host, port: settings.port, options: settings.connection, trace: labeled)
        let session = POP3Connection(connection: connection, settings: settings)
        do {
            try await session.open()
        } catch {
            await session.close()
            throw error
        }
        return session
    }

    /// Greeting, CAPA, STLS, CAPA again, login: the AUTHORIZATION state.
    private func open() async throws {
        try await serialized {
            switch try await self.awaitEvent({ _ in }) {
            case .greeting(let greeting): self.greeting = greeting
            case .failed(let error): throw error
            case let other: preconditionFailure("POP3Client: \(other) before the greeting")
            }
            self.capabilities = try await self.askCapabilities()
            if self.settings.connection.security == .startTLS {
                try await self.upgradeToTLS()
                self.capabilities = try await self.askCapabilities()
            }
            try await self.logIn()
        }
    }

    // MARK: - TRANSACTION commands

    /// `STAT`: the number of messages and their total size.
    public func stat() async throws -> POP3MaildropStatus {
        try await serialized {
            var result: POP3MaildropStatus?
            try await self.command(.stat) { if case .maildropStatus(let status) = $0 { result = status } }
            return try self.require(result, "STAT")
        }
    }

    /// `LIST`: every message's number and size.
    public func list() async throws -> [POP3ListEntry] {
        try await serialized {
            var entries: [POP3ListEntry] = []
            try await self.command(.list(nil)) { if case .listEntry(let entry) = $0 { entries.append(entry) } }
            return entries
        }
    }

    /// `LIST n`: one message's size.
    public func list(_ message: Int) async throws -> POP3ListEntry {
        try Self.checkNumber(message)
        return try await serialized {
            var result: POP3ListEntry?
            try await self.command(.list(message)) { if case .listEntry(let entry) = $0 { result = entry } }
            return try self.require(result, "LIST \(message)")
        }
    }

    /// `UIDL`: every message's unique id. The ids are data: never build a path from them.
    public func uidl() async throws -> [POP3UniqueIDEntry] {
        try await serialized {
            var entries: [POP3UniqueIDEntry] = []
            try await self.command(.uidl(nil)) { if case .uniqueIDEntry(let entry) = $0 { entries.append(entry) } }
            return entries
        }
    }

    /// `UIDL n`: one message's unique id.
    public func uidl(_ message: Int) async throws -> POP3UniqueIDEntry {
        try Self.checkNumber(message)
        return try await serialized {
            var result: POP3UniqueIDEntry?
            try await self.command(.uidl(message)) { if case .uniqueIDEntry(let entry) = $0 { result = entry } }
            return try self.require(result, "UIDL \(message)")
        }
    }

    /// `RETR n`: streams the message text (dot-unstuffed, CRLF line endings as sent) to `sink`,
    /// chunk by chunk; the next chunk is read from the network only after `sink` returns.
    ///
    /// - Returns: The number of bytes delivered.
    /// - Throws: Whatever `sink` throws (the connection is then closed: the rest of the message
    ///   is still on the wire), or the errors of any command.
    @discardableResult
    public func retr(_ message: Int, into sink: @Sendable (ArraySlice<UInt8>) async throws -> Void) async throws -> Int {
        try Self.checkNumber(message)
        return try await serialized { try await self.streamMessage(.retr(message), into: sink) }
    }

    /// `RETR n` written straight to an open file descriptor (a Maildir `tmp/` file). The caller
    /// owns the descriptor: it fsyncs, closes, and only then may DELE the message.
    ///
    /// - Returns: The number of bytes written.
    @discardableResult
    public func retr(_ message: Int, toFileDescriptor fileDescriptor: Int32) async throws -> Int {
        let writer = FileDescriptorWriter(fileDescriptor: fileDescriptor)
        return try await retr(message) { try writer.write($0) }
    }

    /// `TOP n lines`: the header and the first `lines` lines of the body, streamed like RETR.
    @discardableResult
    public func top(_ message: Int, lines: Int, into sink: @Sendable (ArraySlice<UInt8>) async throws -> Void)
        async throws -> Int
    {
        try Self.checkNumber(message)
        guard lines >= 0 else { throw POP3UsageError("TOP needs a line count of 0 or more, not \(lines)") }
        return try await serialized { try await self.streamMessage(.top(message, lines: lines), into: sink) }
    }

    /// `DELE n`: marks the message for deletion at ``quit()``.
    public func dele(_ message: Int) async throws {
        try Self.checkNumber(message)
        try await serialized { try await self.command(.dele(message)) { _ in } }
    }

    /// `RSET`: unmarks every message marked by ``dele(_:)``.
    public func rset() async throws {
        try await serialized { try await self.command(.rset) { _ in } }
    }

    /// `NOOP`: keeps the session alive and checks that the server still answers.
    public func noop() async throws {
        try await serialized { try await self.command(.noop) { _ in } }
    }

    /// `CAPA` again (capabilities may change after login, RFC 2449 §5).
    @discardableResult
    public func refreshCapabilities() async throws -> POP3Capabilities? {
        try await serialized {
            self.capabilities = try await self.askCapabilities()
            return self.capabilities
        }
    }

    /// `QUIT`: the server deletes the marked messages (the UPDATE state) and the connection
    /// closes.
    ///
    /// - Throws: `POP3ServerError` when the server could not delete every marked message.
    public func quit() async throws {
        try await serialized {
            defer { self.isOpen = false }
            do {
                try await self.command(.quit) { _ in }
            } catch {
                await self.connection.close()
                throw error
            }
            await self.connection.close()
        }
    }

    /// Ends the session without QUIT: nothing marked is deleted (RFC 1939 §6).
    public func close() async {
        isOpen = false
        await connection.close()
    }
}

/// A POP3Connection method was called with an argument it cannot send.
public struct POP3UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension POP3Connection {
    static func checkNumber(_ message: Int) throws(POP3UsageError) {
        guard message > 0 else { throw POP3UsageError("POP3 message numbers start at 1, not \(message)") }
    }

    func require<Value>(_ value: Value?, _ command: String) throws -> Value {
        guard let value else {
            throw POP3ProtocolError(.malformedResponse, context: "the answer to \(command)", expected: "a result")
        }
        return value
    }

    /// Runs `body` when no other call is running, so the commands of concurrent callers never
    /// interleave on the wire.
    @discardableResult
    func serialized<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        guard isOpen else {
            throw TransportError(.notConnected, host: settings.host, port: settings.port)
        }
        do {
            return try await body()
        } catch let error as POP3ServerError {
            throw error
        } catch {
            // Anything but a -ERR leaves the session in an unknown state: end it.
            isOpen = false
            await connection.close()
            throw error
        }
    }
}
