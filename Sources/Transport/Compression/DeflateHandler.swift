import NIOCore

/// COMPRESS=DEFLATE (RFC 4978) in a connection's pipeline, between TLS and the
/// ``ConnectionHandler``: what we write is compressed and flushed per write, what the server
/// sends is decompressed.
///
/// Decompression keeps the connection's backpressure: at most ``chunkSize`` bytes come out per
/// read the handler behind it asks for, and the rest of the input waits here (still
/// compressed) for the next one. A server cannot make one socket read swell to a thousand times
/// its size in memory.
///
/// Lives on the channel's event loop; every method must be called there.
final class DeflateHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The most bytes decompressed per read.
    static let chunkSize = 64 * 1024

    private let compressor: DeflateStream
    private let decompressor: DeflateStream
    /// Received bytes not decompressed yet.
    private var pending: ByteBuffer
    /// True when the last decompression stopped because the chunk was full.
    private var moreOutput = false
    private var failed = false
    private let host: String
    private let port: Int
    private let trace: ProtocolTrace?

    /// A handler for a connection to `host`:`port`.
    ///
    /// - Parameters:
    ///   - received: Bytes the server sent after its OK to COMPRESS that were read before this
    ///     handler was in place: they are decompressed first.
    ///   - trace: Where the totals are noted when the connection ends.
    /// - Throws: ``TransportError`` (`.compressionFailed`) when zlib cannot start.
    init(host: String, port: Int, received: ByteBuffer, trace: ProtocolTrace?) throws(TransportError) {
        self.host = host
        self.port = port
        self.trace = trace
        pending = received
        do {
            compressor = try DeflateStream(.compress)
            decompressor = try DeflateStream(.decompress)
        } catch {
            throw TransportError(.compressionFailed, host: host, port: port, detail: "\(error)")
        }
    }

    /// Bytes received compressed and what they became, bytes sent and what they were sent as.
    var totals: (receivedCompressed: Int, received: Int, sent: Int, sentCompressed: Int) {
        (decompressor.totalIn, decompressor.totalOut, compressor.totalIn, compressor.totalOut)
    }

    // MARK: - Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if failed { return }
        if pending.readableBytes == 0 { pending = bytes } else { pending.writeBuffer(&bytes) }
        deliver(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let (inCompressed, inPlain, outPlain, outCompressed) = totals
        trace?.note("COMPRESS=DEFLATE: received \(inCompressed) bytes for \(inPlain), sent \(outCompressed) bytes for \(outPlain)")
        context.fireChannelInactive()
    }

    // MARK: - Outbound

    func read(context: ChannelHandlerContext) {
        // Bytes already here go first; the socket is asked only when none can come out.
        if !failed, pending.readableBytes > 0 || moreOutput, deliver(context: context) > 0 {
            context.fireChannelReadComplete()
            return
        }
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let plain = unwrapOutboundIn(data)
        let compressed = compressor.compress(plain, allocator: context.channel.allocator)
        context.write(wrapOutboundOut(compressed), promise: promise)
    }

    // MARK: - Helpers

    /// Decompresses one chunk from `pending` and passes it on; returns its size.
    @discardableResult
    private func deliver(context: ChannelHandlerContext) -> Int {
        do {
            let (bytes, more) = try decompressor.decompress(&pending, limit: Self.chunkSize, allocator: context.channel.allocator)
            moreOutput = more
            if pending.readableBytes == 0 { pending.clear() }
            guard bytes.readableBytes > 0 else { return 0 }
            context.fireChannelRead(wrapInboundOut(bytes))
            return bytes.readableBytes
        } catch {
            failed = true
            pending.clear()
            moreOutput = false
            let detail = switch error {
            case .corrupt(let message): "not valid DEFLATE data: \(message)"
            case .ended: "the server ended its compressed stream"
            case .setup(let message): message
            }
            context.fireErrorCaught(TransportError(.compressionFailed, host: host, port: port, detail: detail))
            return 0
        }
    }
}
