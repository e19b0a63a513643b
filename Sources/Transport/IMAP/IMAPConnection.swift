import IMAP
import MailCore
import NIOCore

/// A logged-in IMAP session (RFC 9051, RFC 3501 and the extensions tern uses) over a
/// ``MailConnection``: the async face of the sans-I/O ``IMAPClient``.
///
/// ``connect(_:trace:)`` reads the greeting, upgrades with STARTTLS when the account says
/// `starttls` (and fails if the server does not offer or refuses it: no downgrade), asks the
/// capabilities again over TLS, logs in (SASL PLAIN, LOGIN, XOAUTH2 or OAUTHBEARER; never in
/// clear text unless allowed), and sends ID when offered.
///
/// Calls are served one at a time in order; within a call, FETCH batches are pipelined.
/// Updates nobody asked for (new mail, expunges, flag changes by other clients, alerts) arrive
/// on ``events``, also during ``idle()``.
///
/// Errors: ``IMAPCommandError`` (NO or BAD; the session goes on), ``IMAPUsageError`` (nothing
/// was sent), ``IMAPConnectionLost`` (BYE, network failure, timeout, protocol violation: the
/// session is over, ``IMAPConnectionLost/inFlight`` lists the commands cut off). While
/// connecting: ``TransportError``, ``StartTLSError``, ``AuthenticationFailure``,
/// `IMAPAuthenticationError` (refused before sending credentials), ``IMAPConnectionLost``. An
/// error thrown by a caller's handler or sink also ends the session (the rest of the answer is
/// still on the wire).
public actor IMAPConnection {
    /// Updates the server sent without being asked; finished when the connection ends.
    public nonisolated let events: AsyncStream<IMAPEvent>
    /// The server's host.
    public nonisolated let host: String
    /// The server's port.
    public nonisolated let port: Int

    /// The greeting's text.
    public internal(set) var greeting: ResponseText?
    /// How the login was done (nil after PREAUTH).
    public internal(set) var authenticationMethod: IMAPAuthenticationMethod?
    /// What the server said about itself in answer to ID, if it was asked.
    public internal(set) var serverID: IDParameters?
    /// The selected mailbox, kept up to date (message count, UIDNEXT...) while it stays selected.
    public internal(set) var selectedMailbox: SelectedMailbox?

    /// The server's capabilities (after TLS and login).
    public var capabilities: Set<Capability> { client.capabilities }
    /// The extensions enabled with ``enable(_:)``.
    public var enabledExtensions: Set<Capability> { client.enabled }
    /// False once the session has ended.
    public var isConnected: Bool { isOpen }
    /// True when TLS protects the connection.
    public nonisolated var isTLSActive: Bool { connection.isTLSActive }
    /// True once COMPRESS=DEFLATE (RFC 4978) is active.
    public nonisolated var isCompressed: Bool { connection.isCompressed }
    /// True once UTF8=ACCEPT is enabled: mailbox names are UTF-8 on the wire.
    public var isUTF8Enabled: Bool { client.enabled.contains(.utf8Accept) }

    let connection: MailConnection
    let settings: IMAPSettings
    let eventContinuation: AsyncStream<IMAPEvent>.Continuation
    var client: IMAPClient
    var isOpen = true
    var busy = false
    var waiters: [CheckedContinuation<Void, Never>] = []
    /// Tagged answers that arrived, by tag, until their command takes them.
    var completions: [String: TaggedResponse] = [:]
    /// The trace text of each command in flight, by tag.
    var commandTexts: [String: String] = [:]
    /// The FETCH response being gathered.
    var fetchState = FetchState()
    /// The discarded byte count once the server accepted STARTTLS.
    var startTLSAccepted: Int?
    /// True while LOGOUT runs (BYE is then expected).
    var loggingOut = false
    /// True once the server closed its side.
    var sawEndOfStream = false
    /// IDLE's progress.
    var idleState = IdleState()
    var tracer: ResponseTracer

    init(connection: MailConnection, settings: IMAPSettings) {
        self.connection = connection
        self.settings = settings
        self.host = settings.host
        self.port = settings.port
        self.client = IMAPClient(limits: settings.limits, isTLSActive: connection.isTLSActive)
        self.tracer = ResponseTracer(trace: connection.trace)
        (events, eventContinuation) = AsyncStream<IMAPEvent>.makeStream()
    }

    /// Opens a session and logs in.
    ///
    /// - Parameters:
    ///   - settings: Server, security, credentials, limits.
    ///   - trace: Where to record the dialogue (secrets hidden), or nil.
    /// - Returns: A session in the authenticated state.
    public static func connect(_ settings: IMAPSettings, trace: ProtocolTrace? = nil) async throws -> IMAPConnection {
        let labeled = trace?.labeled("imap \(settings.host):\(settings.port)")
        let connection = try await MailConnection.connect(
            host: settings.host, port: settings.port, options: settings.connection, trace: labeled)
        let session = IMAPConnection(connection: connection, settings: settings)
        do {
            try await session.open()
        } catch {
            await session.close()
            throw error
        }
        return session
    }

    /// `LOGOUT`, then closes the connection. Safe to call on a closed session.
    public func logout() async {
        guard isOpen else { return }
        _ = try? await serialized { () async throws in
            self.loggingOut = true
            _ = try await self.execute(.logout)
        }
        await close()
    }

    /// Closes the connection at once (no LOGOUT); the event stream finishes.
    public func close() async {
        let wasOpen = isOpen
        isOpen = false
        idleState.stopRequested = true
        await connection.close()
        if wasOpen { eventContinuation.yield(IMAPEvent(mailbox: selectedMailbox?.name, kind: .disconnected("closed"))) }
        eventContinuation.finish()
        while !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    /// The error every call throws once the session is over.
    var closedError: IMAPConnectionLost {
        IMAPConnectionLost(reason: .closed, host: host, port: port)
    }

    // MARK: - Serialising calls

    /// Runs `body` when no other call is running, so the commands of concurrent callers never
    /// interleave. A running IDLE is ended (DONE) to let the call in.
    @discardableResult
    func serialized<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        guard isOpen else { throw closedError }
        if busy {
            // Ask a running IDLE to end; the request runs once this call is queued.
            if idleState.running { Task { await self.requestIdleStop(.preempted) } }
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        guard isOpen else { throw closedError }
        do {
            return try await body()
        } catch let error as IMAPCommandError {
            throw error
        } catch let error as IMAPUsageError {
            throw error
        } catch {
            // Anything else leaves the session in an unknown state: end it.
            let reason: String
            if let lost = error as? IMAPConnectionLost { reason = lost.description } else { reason = "\(error)" }
            isOpen = false
            await connection.close()
            eventContinuation.yield(IMAPEvent(mailbox: selectedMailbox?.name, kind: .disconnected(reason)))
            eventContinuation.finish()
            throw error
        }
    }

    /// Throws unless a mailbox is selected.
    func requireSelected() throws -> SelectedMailbox {
        guard let selectedMailbox, case .selected = client.state else { throw IMAPUsageError(.noMailboxSelected) }
        return selectedMailbox
    }

    /// Throws unless the server has `capability`.
    func require(_ capability: Capability) throws {
        guard client.capabilities.contains(capability) else { throw IMAPUsageError(.unsupported(capability)) }
    }
}
