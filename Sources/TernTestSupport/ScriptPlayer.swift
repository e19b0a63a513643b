import NIOCore
import NIOSSL
import NIOTLS

/// The channel handler behind ``ScriptedServer``: runs the steps in order on the event loop,
/// reading client lines as `expect` steps need them.
final class ScriptPlayer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let script: [ScriptedServer.Step]
    private let tlsContext: NIOSSLContext
    private let outcome: OutcomePromise
    private let timeout: Duration
    private var index = 0
    private var input: [UInt8] = []
    private var lines: [String] = []
    private var failures: [String] = []
    private var context: ChannelHandlerContext?
    private var waitingForTimer = false
    /// True while a TLS handshake runs: nothing is sent or read until it is done.
    private var waitingForHandshake: Bool
    private var finished = false
    private var deadline: Scheduled<Void>?

    init(script: [ScriptedServer.Step], tlsContext: NIOSSLContext, outcome: OutcomePromise,
         timeout: Duration, implicitTLS: Bool) {
        self.waitingForHandshake = implicitTLS
        self.script = script
        self.tlsContext = tlsContext
        self.outcome = outcome
        self.timeout = timeout
    }

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
        armDeadline()
        advance()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        input += buffer.readBytes(length: buffer.readableBytes) ?? []
        armDeadline()
        advance()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event, waitingForHandshake {
            waitingForHandshake = false
            advance()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !finished {
            if index < script.count, case .expectClose = script[index] {
                index += 1
            }
            if index < script.count {
                fail("the client closed the connection at step \(index + 1) of \(script.count): \(describe(index))")
            }
            if !input.isEmpty {
                // Bytes after the last expected line (a QUIT nobody expected, for example).
                lines.append(String(decoding: input, as: UTF8.self))
            }
            finish()
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A TLS failure on the client's side shows up here as an alert or EOF; the test checks
        // the client's error, so only note it.
        if !finished, index < script.count { failures.append("server saw error: \(error)") }
        context.close(promise: nil)
    }

    /// (Re)starts the wait for the client: the conversation is stuck when the client sends nothing
    /// for `timeout`. Counted from the last bytes, not from the start, so that a client slowed down
    /// by a busy machine (the parallel suite on two cores) is not taken for a stuck one.
    private func armDeadline() {
        guard let context, !finished else { return }
        deadline?.cancel()
        let (seconds, attoseconds) = timeout.components
        deadline = context.eventLoop.assumeIsolated().scheduleTask(
            in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        ) { [self] in
            fail("the conversation timed out (nothing from the client for \(timeout)) at step \(index + 1) of \(script.count): \(describe(index))")
            self.context?.close(promise: nil)
        }
    }

    /// Runs steps until one must wait for input, a timer, or the end.
    private func advance() {
        guard let context, !finished, !waitingForTimer, !waitingForHandshake else { return }
        while index < script.count {
            switch script[index] {
            case .send(let text):
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
            case .sendBytes(let bytes):
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
            case .sendSplit(let text, let chunking):
                index += 1
                sendChunks(Self.cut(Array(text.utf8), chunking))
                return
            case .expect(let expected):
                guard let line = nextLine() else { return }
                if line != expected { fail("step \(index + 1): expected \"\(expected)\", the client sent \"\(line)\"") }
            case .expectPrefix(let prefix):
                guard let line = nextLine() else { return }
                if !line.hasPrefix(prefix) {
                    fail("step \(index + 1): expected a line starting \"\(prefix)\", the client sent \"\(line)\"")
                }
            case .startTLS:
                do {
                    try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext), position: .first)
                    index += 1
                    waitingForHandshake = true
                    return
                } catch {
                    fail("step \(index + 1): cannot start TLS: \(error)")
                }
            case .pause(let milliseconds):
                index += 1
                waitingForTimer = true
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(milliseconds)) { [self] in
                    waitingForTimer = false
                    advance()
                }
                return
            case .close:
                index += 1
                finish()
                context.close(promise: nil)
                return
            case .expectClose:
                return
            }
            index += 1
        }
        finish()
    }

    private func sendChunks(_ chunks: ArraySlice<[UInt8]>) {
        guard let context else { return }
        guard let first = chunks.first else {
            advance()
            return
        }
        waitingForTimer = true
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: first)), promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(2)) { [self] in
            waitingForTimer = chunks.count > 1
            if chunks.count > 1 { sendChunks(chunks.dropFirst()) } else { advance() }
        }
    }

    private func nextLine() -> String? {
        guard let lf = input.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var end = lf
        if end > 0, input[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: input[..<end], as: UTF8.self)
        input.removeSubrange(...lf)
        lines.append(line)
        return line
    }

    private func fail(_ message: String) {
        failures.append(message)
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        deadline?.cancel()
        outcome.complete(ScriptedServer.Outcome(receivedLines: lines, failures: failures, completed: index >= script.count))
    }

    private func describe(_ step: Int) -> String {
        guard step < script.count else { return "end of script" }
        return "\(script[step])"
    }

    static func cut(_ bytes: [UInt8], _ chunking: ScriptedServer.Chunking) -> ArraySlice<[UInt8]> {
        switch chunking {
        case .bytewise:
            return bytes.map { [$0] }[...]
        case .sizes(let sizes):
            precondition(!sizes.isEmpty && sizes.allSatisfy { $0 > 0 }, "chunk sizes must be positive")
            var chunks: [[UInt8]] = []
            var offset = 0
            var which = 0
            while offset < bytes.count {
                let size = sizes[which % sizes.count]
                chunks.append(Array(bytes[offset..<min(bytes.count, offset + size)]))
                offset += size
                which += 1
            }
            return chunks[...]
        }
    }
}
