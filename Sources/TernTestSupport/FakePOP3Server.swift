import Foundation
import NIOCore
import NIOPosix

/// A small stateful POP3 server for tests (RFC 1939): a maildrop of messages that persists
/// across connections, so a test can sync, break something, and sync again.
///
/// It listens on 127.0.0.1 (port 0, plain TCP), takes no maildrop lock (a test opens one session
/// at a time, but the server may see a closed session's end after the next one began), logs in any
/// `USER`/`PASS`, and answers CAPA, STAT, LIST, UIDL, RETR, TOP, DELE, RSET, NOOP and QUIT,
/// pipelined or not. DELE takes effect only at QUIT, as RFC 1939 §6 says. Switches turn UIDL or
/// PIPELINING off, refuse chosen messages, or cut the connection in the middle of a RETR.
///
/// ```
/// let server = try await FakePOP3Server.start(messages: [.init(uniqueID: "a1", text: "Subject: x\r\n\r\nhi\r\n")])
/// ... connect to 127.0.0.1:server.port with security none, allow insecure auth ...
/// #expect(server.maildrop.count == 0)   // after a sync that deleted it
/// ```
public final class FakePOP3Server: Sendable {
    /// One message in the maildrop.
    public struct Message: Sendable, Equatable {
        /// Its UIDL.
        public var uniqueID: String
        /// Its text as sent on the wire (CRLF line endings, not dot-stuffed).
        public var bytes: [UInt8]

        /// A message from its UIDL and text (CRLF endings).
        public init(uniqueID: String, bytes: [UInt8]) {
            self.uniqueID = uniqueID
            self.bytes = bytes
        }

        /// A message from its UIDL and text (CRLF endings).
        public init(uniqueID: String, text: String) {
            self.init(uniqueID: uniqueID, bytes: Array(text.utf8))
        }
    }

    /// What the server offers and how it misbehaves; change it between connections.
    public struct Behavior: Sendable {
        /// Answer UIDL (and list it in CAPA).
        public var supportsUIDL = true
        /// List PIPELINING in CAPA.
        public var supportsPipelining = true
        /// Unique ids whose RETR gets `-ERR`.
        public var refusedIDs: Set<String> = []
        /// Cut the connection after this many bytes of the RETR answer of the message with this
        /// unique id (once: the switch turns itself off).
        public var cutRetr: (uniqueID: String, afterBytes: Int)?
        /// Answer QUIT with `-ERR` and delete nothing.
        public var failQuit = false

        /// The default: UIDL and PIPELINING, no faults.
        public init() {}
    }

    /// The port on 127.0.0.1.
    public let port: Int
    private let channel: any Channel
    let state: Locked<State>

    struct State {
        var messages: [Message]
        var behavior: Behavior
        /// Every command line received, in order, passwords hidden.
        var commands: [String] = []
        /// The most command lines that arrived in one read (more than 1 means pipelining).
        var mostLinesInOneRead = 0
        var connections = 0
    }

    private init(port: Int, channel: any Channel, state: Locked<State>) {
        self.port = port
        self.channel = channel
        self.state = state
    }

    deinit {
        channel.close(promise: nil)
    }

    /// Starts a server with `messages` in its maildrop.
    public static func start(messages: [Message], behavior: Behavior = Behavior()) async throws -> FakePOP3Server {
        let state = Locked(State(messages: messages, behavior: behavior))
        let bootstrap = ServerBootstrap(group: NIOSingletons.posixEventLoopGroup)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FakePOP3Session(state: state))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        return FakePOP3Server(port: port, channel: channel, state: state)
    }

    /// The messages now in the maildrop.
    public var maildrop: [Message] { state.withLock { $0.messages } }

    /// Every command received so far (`PASS ****` for passwords).
    public var commands: [String] { state.withLock { $0.commands } }

    /// The most command lines that arrived in one read: above 1 when the client pipelined.
    public var mostCommandsInOneRead: Int { state.withLock { $0.mostLinesInOneRead } }

    /// How many connections were accepted.
    public var connectionCount: Int { state.withLock { $0.connections } }

    /// Adds messages to the maildrop.
    public func deliver(_ messages: [Message]) {
        state.withLock { $0.messages += messages }
    }

    /// Changes the behaviour for the next commands.
    public func setBehavior(_ change: @Sendable (inout Behavior) -> Void) {
        state.withLock { change(&$0.behavior) }
    }

    /// Stops listening.
    public func stop() async {
        try? await channel.close()
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}
