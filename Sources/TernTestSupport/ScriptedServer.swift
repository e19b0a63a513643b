import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A fake mail server for tests: listens on 127.0.0.1 on a free port, accepts one connection and
/// plays a transcript of steps (send these bytes, expect this line from the client, start TLS,
/// close). Everything the client sent is recorded; anything unexpected is a failure in
/// ``Outcome``.
///
/// ```
/// let server = try await ScriptedServer.start([
///     .send("+OK ready\r\n"),
///     .expect("CAPA"),
///     .send("+OK\r\nUSER\r\n.\r\n"),
/// ])
/// ... connect to server.port ...
/// let outcome = await server.outcome()
/// #expect(outcome.failures.isEmpty)
/// ```
public final class ScriptedServer: Sendable {
    /// One step of the transcript.
    public enum Step: Sendable {
        /// Write these bytes in one write.
        case send(String)
        /// Write these bytes in one write.
        case sendBytes([UInt8])
        /// Write the text cut into chunks, each flushed on its own with a short pause, so the
        /// client sees them in separate reads.
        case sendSplit(String, Chunking)
        /// Read one line from the client (without its CRLF) and compare it exactly.
        case expect(String)
        /// Read one line from the client and check only its start (for lines holding a
        /// computed digest or a base64 secret).
        case expectPrefix(String)
        /// Start the server side of TLS now (after answering STARTTLS or STLS).
        case startTLS
        /// Wait a moment.
        case pause(milliseconds: Int64)
        /// Close the connection.
        case close
        /// Wait for the client to close the connection (no more lines expected).
        case expectClose
    }

    /// How ``Step/sendSplit(_:_:)`` cuts its text.
    public enum Chunking: Sendable {
        /// One byte per write.
        case bytewise
        /// Chunks of these sizes, repeated until the text is used up.
        case sizes([Int])
    }

    /// What happened during the conversation.
    public struct Outcome: Sendable {
        /// Every line the client sent, in order (CRLF removed).
        public var receivedLines: [String]
        /// What went differently from the script; empty when the client did exactly what was
        /// expected.
        public var failures: [String]
        /// True when every step ran.
        public var completed: Bool
    }

    /// The port the server listens on (127.0.0.1).
    public let port: Int
    private let serverChannel: any Channel
    private let result: OutcomePromise

    private init(port: Int, serverChannel: any Channel, result: OutcomePromise) {
        self.port = port
        self.serverChannel = serverChannel
        self.result = result
    }

    deinit {
        serverChannel.close(promise: nil)
        result.complete(Outcome(receivedLines: [], failures: ["the server was dropped"], completed: false))
    }

    /// A TLS identity for the server: the test certificate (or another) and its key.
    public struct Identity: Sendable {
        /// The certificate chain in PEM, leaf first.
        public var certificatePEM: String
        /// The private key in PEM.
        public var privateKeyPEM: String

        /// The certificate for localhost, mail.example.test and 127.0.0.1, signed by the test CA.
        public static let localhost = Identity(certificatePEM: TestPKI.serverCertificatePEM,
                                               privateKeyPEM: TestPKI.serverPrivateKeyPEM)
        /// A certificate for other.example.test only, signed by the test CA.
        public static let otherHost = Identity(certificatePEM: TestPKI.otherCertificatePEM,
                                               privateKeyPEM: TestPKI.otherPrivateKeyPEM)

        func makeContext() throws -> NIOSSLContext {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
            return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        }
    }

    /// Starts a server that plays `script` to the first client.
    ///
    /// - Parameters:
    ///   - script: The steps, in order.
    ///   - implicitTLS: When set, TLS starts as soon as the client connects (ports 993/995/465);
    ///     the ``Step/startTLS`` step uses the same identity (default: ``Identity/localhost``).
    ///   - identity: The certificate for ``Step/startTLS`` when `implicitTLS` is nil.
    ///   - timeout: How long the client may send nothing before ``outcome()`` reports the conversation
    ///     stuck and the server closes (generous: the whole suite runs in parallel on two cores, and a
    ///     test may wait long for a thread).
    public static func start(
        _ script: [Step], implicitTLS: Identity? = nil, identity: Identity = .localhost,
        timeout: Duration = .seconds(120)
    ) async throws -> ScriptedServer {
        let tlsContext = try (implicitTLS ?? identity).makeContext()
        let group = NIOSingletons.posixEventLoopGroup
        let loop = group.next()
        let outcome = OutcomePromise(loop.makePromise(of: Outcome.self))
        let accepted = AcceptOnce()
        let bootstrap = ServerBootstrap(group: loop, childGroup: loop)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                guard accepted.claim() else { return channel.close() }
                return channel.eventLoop.makeCompletedFuture {
                    if implicitTLS != nil {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        ScriptPlayer(script: script, tlsContext: tlsContext, outcome: outcome, timeout: timeout,
                                     implicitTLS: implicitTLS != nil))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        return ScriptedServer(port: port, serverChannel: channel, result: outcome)
    }

    /// Waits until the script has run (or got stuck, or the client left), then stops listening.
    public func outcome() async -> Outcome {
        let outcome = (try? await result.future.get())
            ?? Outcome(receivedLines: [], failures: ["the server failed"], completed: false)
        try? await serverChannel.close()
        return outcome
    }

    /// Stops listening without waiting for the script.
    public func stop() async {
        try? await serverChannel.close()
        result.complete(Outcome(receivedLines: [], failures: ["stopped"], completed: false))
    }

    /// Writes PEM text to a new file in the temporary directory (for a `ca_file`) and returns
    /// its path. The caller removes it when done.
    public static func writeTemporaryPEM(_ pem: String, name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tern-test-\(name)-\(UInt64.random(in: 0...UInt64.max)).pem").path
        try Data(pem.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The outcome promise, completed once by whoever comes first (the script, stop, deinit).
final class OutcomePromise: @unchecked Sendable {
    private let lock = NSLock()
    private let promise: EventLoopPromise<ScriptedServer.Outcome>
    private var done = false

    init(_ promise: EventLoopPromise<ScriptedServer.Outcome>) {
        self.promise = promise
    }

    var future: EventLoopFuture<ScriptedServer.Outcome> { promise.futureResult }

    func complete(_ outcome: ScriptedServer.Outcome) {
        let first = lock.withLock {
            defer { done = true }
            return !done
        }
        if first { promise.succeed(outcome) }
    }
}

/// True the first time only: the server plays its script to one client.
private final class AcceptOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false

    func claim() -> Bool {
        lock.withLock {
            defer { taken = true }
            return !taken
        }
    }
}
