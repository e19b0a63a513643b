import NIOCore
import NIOPosix

/// A TCP forwarder on 127.0.0.1 that delays every chunk by a fixed time in each direction: the
/// round trip of a distant server, on loopback, where PIPELINING would otherwise save nothing
/// measurable. TLS passes through untouched (the client still verifies the server's certificate).
enum DelayProxy {
    /// Starts forwarding a free port to `targetPort`; returns the port.
    static func start(targetHost: String, targetPort: Int, oneWayDelay: TimeAmount) async throws -> Int {
        let bootstrap = ServerBootstrap(group: NIOSingletons.posixEventLoopGroup)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { inbound in
                inbound.eventLoop.makeCompletedFuture {
                    let front = Forwarder(delay: oneWayDelay)
                    try inbound.pipeline.syncOperations.addHandler(front)
                    ClientBootstrap(group: inbound.eventLoop)
                        .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                        .channelInitializer { outbound in
                            outbound.eventLoop.makeCompletedFuture {
                                let back = Forwarder(delay: oneWayDelay)
                                try outbound.pipeline.syncOperations.addHandler(back)
                                back.connect(to: inbound)
                                front.connect(to: outbound)
                            }
                        }
                        .connect(host: targetHost, port: targetPort)
                        .whenFailure { _ in inbound.close(promise: nil) }
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        return port
    }
}

/// One side of a forwarded connection: what it reads goes to the other side `delay` later, in order.
final class Forwarder: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let delay: TimeAmount
    private var peer: (any Channel)?
    private var waiting: [ByteBuffer] = []
    private var closedBeforePeer = false

    init(delay: TimeAmount) {
        self.delay = delay
    }

    /// Links the other side; bytes read before it existed go out now.
    func connect(to peer: any Channel) {
        self.peer = peer
        for chunk in waiting { forward(chunk, to: peer) }
        waiting = []
        if closedBeforePeer { peer.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let chunk = unwrapInboundIn(data)
        if let peer { forward(chunk, to: peer) } else { waiting.append(chunk) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        guard let peer else {
            closedBeforePeer = true
            return
        }
        peer.eventLoop.assumeIsolated().scheduleTask(in: delay) { peer.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func forward(_ chunk: ByteBuffer, to peer: any Channel) {
        peer.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            peer.writeAndFlush(chunk, promise: nil)
        }
    }
}
