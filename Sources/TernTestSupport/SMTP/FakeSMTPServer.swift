import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small, well-behaved SMTP submission server for tests: it listens on 127.0.0.1 on a free port,
/// serves any number of connections, speaks EHLO, STARTTLS, AUTH PLAIN/LOGIN, PIPELINING, MAIL,
/// RCPT, DATA, RSET, NOOP and QUIT, and records every message it accepts. What it answers can be
/// changed per recipient and per message (``Behavior``), so tests can script refusals, temporary
/// failures and dropped connections without the real Postfix.
///
/// For hostile servers (injections, malformed replies), use ``ScriptedServer``.
public final class FakeSMTPServer: Sendable {
    /// What the server does.
    public struct Behavior: Sendable {
        /// The greeting line.
        public var greeting = "220 fake.example.test ESMTP tern test server"
        /// The extensions listed after EHLO (STARTTLS is added by ``offerStartTLS``).
        public var extensions = ["PIPELINING", "SIZE 10485760", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8",
                                 "AUTH PLAIN LOGIN"]
        /// List STARTTLS before TLS (and take it).
        public var offerStartTLS = false
        /// TLS from the first byte.
        public var implicitTLS = false
        /// Accepted logins (user: password); empty accepts no login and requires none.
        public var users: [String: String] = [:]
        /// The reply to RCPT TO for an address, or nil for `250 2.1.5 Ok`.
        public var recipientReply: @Sendable (String) -> String? = { _ in nil }
        /// The reply after the data of the n-th message (0-based, over all connections), or nil for
        /// `250 2.0.0 Ok: queued`.
        public var finalReply: @Sendable (Int) -> String? = { _ in nil }
        /// Close the connection without a reply after the data of the n-th message (it is not
        /// recorded as accepted).
        public var dropAfterData: @Sendable (Int) -> Bool = { _ in false }
        /// Refuse connections (greeting `554`) while true for the connection's number (0-based).
        public var refuseConnection: @Sendable (Int) -> Bool = { _ in false }

        /// The default behaviour: accept everything.
        public init() {}
    }

    /// A message the server accepted.
    public struct Received: Sendable, Equatable {
        /// MAIL FROM's address.
        public var sender: String
        /// The accepted RCPT TO addresses.
        public var recipients: [String]
        /// MAIL FROM's parameters (`SIZE=...`, `BODY=8BITMIME`).
        public var parameters: [String]
        /// The data, dot-unstuffed, CRLF line ends, without the final `.` line.
        public var data: [UInt8]
    }

    /// The port on 127.0.0.1.
    public let port: Int
    private let channel: any Channel
    let state: FakeSMTPState

    private init(port: Int, channel: any Channel, state: FakeSMTPState) {
        self.port = port
        self.channel = channel
        self.state = state
    }

    deinit {
        channel.close(promise: nil)
    }

    /// Starts a server with `behavior`.
    public static func start(_ behavior: Behavior = Behavior()) async throws -> FakeSMTPServer {
        let identity = ScriptedServer.Identity.localhost
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(identity.certificatePEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(bytes: Array(identity.privateKeyPEM.utf8), format: .pem)
        let tls = try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        let state = FakeSMTPState(behavior: behavior)
        let bootstrap = ServerBootstrap(group: NIOSingletons.posixEventLoopGroup)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if behavior.implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        FakeSMTPSession(state: state, tls: tls, tlsActive: behavior.implicitTLS))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        return FakeSMTPServer(port: port, channel: channel, state: state)
    }

    /// Every message accepted so far, in order.
    public var messages: [Received] { state.locked { $0.messages } }
    /// How many connections were accepted.
    public var connectionCount: Int { state.locked { $0.connections } }
    /// Every command line received, in order (message data excluded; AUTH lines as sent).
    public var commands: [String] { state.locked { $0.commands } }

    /// Changes the behaviour for the following commands and connections.
    public func update(_ change: @Sendable (inout Behavior) -> Void) {
        state.locked { change(&$0.behavior) }
    }

    /// Stops listening (open sessions go on until their clients leave).
    public func stop() async {
        try? await channel.close()
    }
}

/// The server's shared state, behind a lock.
final class FakeSMTPState: @unchecked Sendable {
    struct Values {
        var behavior: FakeSMTPServer.Behavior
        var messages: [FakeSMTPServer.Received] = []
        var connections = 0
        var commands: [String] = []
        /// Messages whose data ended, accepted or not (for finalReply and dropAfterData).
        var dataCount = 0
    }

    private let lock = NSLock()
    private var values: Values

    init(behavior: FakeSMTPServer.Behavior) {
        values = Values(behavior: behavior)
    }

    func locked<T>(_ body: (inout Values) -> T) -> T {
        lock.withLock { body(&values) }
    }
}
