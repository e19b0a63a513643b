import NIOCore
import NIOSSL
import NIOTLS

/// The last handler of a mail connection's pipeline: it hands received bytes to one reader at a
/// time, reports TLS handshakes, and turns every failure into a ``TransportError``.
///
/// Backpressure: the channel has auto-read off, and this handler asks the socket for more only
/// while a reader waits and nothing is buffered, so at most one read's worth of bytes is ever
/// held here, however fast the server sends.
///
/// Lives on the channel's event loop; every method must be called there.
final class ConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// How the connection ended, once it has.
    private enum End {
        case endOfStream
        case failed(TransportError)
    }

    private let host: String
    private let port: Int
    private let eventLoop: EventLoop
    private var context: ChannelHandlerContext?
    private var buffered = CircularBuffer<ByteBuffer>()
    private var end: End?
    private var reader: (promise: EventLoopPromise<ByteBuffer?>, timeout: Scheduled<Void>)?
    private var handshake: (promise: EventLoopPromise<Void>, timeout: Scheduled<Void>?)?
    private let handshakeTimeout: TimeAmount
    /// The TLS version of the last completed handshake (`TLS 1.3`).
    private(set) var negotiatedTLSVersion: String?

    /// A handler for a connection to `host`:`port`.
    ///
    /// - Parameters:
    ///   - expectingHandshake: The promise completed by the handshake of a TLS handler added in
    ///     front of this one at bootstrap (implicit TLS), or nil.
    ///   - handshakeTimeout: How long that handshake may take.
    init(host: String, port: Int, eventLoop: EventLoop, expectingHandshake: EventLoopPromise<Void>?,
         handshakeTimeout: TimeAmount) {
        self.eventLoop = eventLoop
        self.host = host
        self.port = port
        self.handshakeTimeout = handshakeTimeout
        if let expectingHandshake { handshake = (expectingHandshake, nil) }
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if let pending = handshake, pending.timeout == nil {
            handshake = (pending.promise, scheduleHandshakeTimeout())
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        // With auto-read off, the TLS handler in front needs a read to receive the ServerHello.
        if handshake != nil { context.read() }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        guard bytes.readableBytes > 0 else { return }
        if let waiting = reader {
            reader = nil
            waiting.timeout.cancel()
            waiting.promise.succeed(bytes)
        } else {
            buffered.append(bytes)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if reader != nil, end == nil { context.read() }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event, let pending = handshake {
            handshake = nil
            let tls = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
            negotiatedTLSVersion = tls?.tlsVersion.map(Self.describe)
            pending.timeout?.cancel()
            pending.promise.succeed(())
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let tlsError = error as? NIOSSLError, case .uncleanShutdown = tlsError {
            // EOF without TLS close_notify: many servers do this after QUIT. The mail protocols
            // detect a truncated answer themselves, so this is an ordinary end of stream.
            finish(.endOfStream)
        } else {
            finish(.failed(TransportError.from(error, host: host, port: port)))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(handshake != nil
            ? .failed(TransportError(.closedByServer, host: host, port: port, detail: "during the TLS handshake"))
            : .endOfStream)
        context.fireChannelInactive()
    }

    // MARK: - Requests from MailConnection

    /// The next bytes, nil at the end of the stream.
    func read(timeout: TimeAmount) -> EventLoopFuture<ByteBuffer?> {
        precondition(reader == nil, "MailConnection: only one read at a time")
        let loop = eventLoop
        if let next = buffered.popFirst() { return loop.makeSucceededFuture(next) }
        if let end { return completed(end, on: loop) }
        guard let context else { return loop.makeFailedFuture(error(.notConnected)) }
        let promise = loop.makePromise(of: ByteBuffer?.self)
        let scheduled = loop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(error(.readTimeout, "nothing for \(Self.describe(timeout))"))
            self.context?.close(promise: nil)
        }
        reader = (promise, scheduled)
        context.read()
        return promise.futureResult
    }

    /// Writes and flushes bytes; fails the connection if the server does not take them in time.
    func write(_ bytes: ByteBuffer, timeout: TimeAmount) -> EventLoopFuture<Void> {
        let loop = eventLoop
        if case .failed(let failure) = end { return loop.makeFailedFuture(failure) }
        guard let context else { return loop.makeFailedFuture(error(.notConnected)) }
        let written = loop.makePromise(of: Void.self)
        let scheduled = loop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(error(.writeTimeout, "not accepted for \(Self.describe(timeout))"))
            self.context?.close(promise: nil)
        }
        let result = loop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { [self] outcome in
            scheduled.cancel()
            switch outcome {
            case .success: result.succeed(())
            case .failure(let writeError):
                if case .failed(let failure) = end { result.fail(failure) } else {
                    result.fail(TransportError.from(writeError, host: host, port: port))
                }
            }
        }
        context.writeAndFlush(wrapOutboundOut(bytes), promise: written)
        return result.futureResult
    }

    /// Drops every buffered byte, puts a new TLS handler in front of this handler and starts
    /// the handshake. The future gives the number of bytes dropped.
    func startTLS(
        _ makeTLSHandler: () throws(TransportError) -> NIOSSLClientHandler
    ) -> EventLoopFuture<Int> {
        precondition(reader == nil && handshake == nil, "MailConnection: startTLS during a read or a handshake")
        let loop = eventLoop
        if let end { return completed(end, on: loop).map { _ in 0 } }
        guard let context else { return loop.makeFailedFuture(error(.notConnected)) }
        var discarded = 0
        while let chunk = buffered.popFirst() { discarded += chunk.readableBytes }
        let promise = loop.makePromise(of: Void.self)
        handshake = (promise, scheduleHandshakeTimeout())
        do {
            try context.pipeline.syncOperations.addHandler(try makeTLSHandler(), position: .before(self))
        } catch {
            fail(TransportError.from(error, host: host, port: port))
            context.close(promise: nil)
        }
        context.read()
        let discardedCount = discarded
        return promise.futureResult.map { discardedCount }
    }

    /// Puts a ``DeflateHandler`` in front of this handler (behind TLS): from now on what is
    /// written is compressed and what is read decompressed. The bytes given and those buffered
    /// here arrived after the server's OK to COMPRESS, so they are compressed: they go to the new
    /// handler and come back decompressed on the next reads.
    func startCompression(received: [UInt8], trace: ProtocolTrace?) -> EventLoopFuture<Void> {
        precondition(reader == nil, "MailConnection: startCompression during a read")
        let loop = eventLoop
        if let end { return completed(end, on: loop).map { _ in () } }
        guard let context else { return loop.makeFailedFuture(error(.notConnected)) }
        var compressed = context.channel.allocator.buffer(bytes: received)
        while var chunk = buffered.popFirst() { compressed.writeBuffer(&chunk) }
        do {
            let handler = try DeflateHandler(host: host, port: port, received: compressed, trace: trace)
            try context.pipeline.syncOperations.addHandler(handler, position: .before(self))
        } catch {
            let failure = TransportError.from(error, host: host, port: port)
            fail(failure)
            context.close(promise: nil)
            return loop.makeFailedFuture(failure)
        }
        return loop.makeSucceededFuture(())
    }

    /// A future completed when the handshake of implicit TLS is done.
    func waitForHandshake() -> EventLoopFuture<Void> {
        let loop = eventLoop
        if let pending = handshake { return pending.promise.futureResult }
        if case .failed(let failure) = end { return loop.makeFailedFuture(failure) }
        return loop.makeSucceededFuture(())
    }

    /// Fails whatever waits with `.cancelled` and closes the channel.
    func cancel() {
        fail(error(.cancelled))
        context?.close(promise: nil)
    }

    // MARK: - Helpers

    /// Records how the connection ended (the first reason wins) and completes every waiter.
    private func finish(_ reason: End) {
        if end == nil { end = reason }
        guard let end else { return }
        if let waiting = reader {
            reader = nil
            waiting.timeout.cancel()
            // Buffered bytes still go to the reader first; this only runs when none are left.
            switch end {
            case .endOfStream: waiting.promise.succeed(nil)
            case .failed(let failure): waiting.promise.fail(failure)
            }
        }
        if let pending = handshake {
            handshake = nil
            pending.timeout?.cancel()
            switch end {
            case .endOfStream: pending.promise.fail(error(.closedByServer, "during the TLS handshake"))
            case .failed(let failure): pending.promise.fail(failure)
            }
        }
    }

    private func fail(_ failure: TransportError) {
        finish(.failed(failure))
    }

    private func completed(_ end: End, on loop: EventLoop) -> EventLoopFuture<ByteBuffer?> {
        switch end {
        case .endOfStream: loop.makeSucceededFuture(nil)
        case .failed(let failure): loop.makeFailedFuture(failure)
        }
    }

    private func scheduleHandshakeTimeout() -> Scheduled<Void> {
        let timeout = handshakeTimeout
        return eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(error(.handshakeTimeout, "no answer for \(Self.describe(timeout))"))
            self.context?.close(promise: nil)
        }
    }

    private func error(_ kind: TransportError.Kind, _ detail: String = "") -> TransportError {
        TransportError(kind, host: host, port: port, detail: detail)
    }

    /// `TLS 1.2`, `TLS 1.3`.
    func tlsVersion() -> EventLoopFuture<String?> {
        eventLoop.makeSucceededFuture(negotiatedTLSVersion)
    }

    private static func describe(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "TLS 1.0"
        case .tlsv11: "TLS 1.1"
        case .tlsv12: "TLS 1.2"
        case .tlsv13: "TLS 1.3"
        }
    }

    private static func describe(_ amount: TimeAmount) -> String {
        let millis = amount.nanoseconds / 1_000_000
        return millis % 1000 == 0 ? "\(millis / 1000) s" : "\(millis) ms"
    }
}
