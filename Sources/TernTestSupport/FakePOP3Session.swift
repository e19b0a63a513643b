import NIOCore

/// One connection to a ``FakePOP3Server``: answers each command line in order.
final class FakePOP3Session: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let state: Locked<FakePOP3Server.State>
    private var input: [UInt8] = []
    private var loggedIn = false
    /// The maildrop as it was at login: message numbers refer to it for the whole session.
    private var snapshot: [FakePOP3Server.Message] = []
    private var deleted: Set<Int> = []
    private var closed = false

    init(state: Locked<FakePOP3Server.State>) {
        self.state = state
    }

    func channelActive(context: ChannelHandlerContext) {
        state.withLock { $0.connections += 1 }
        write("+OK fake POP3 ready\r\n", context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        input += buffer.readBytes(length: buffer.readableBytes) ?? []
        var lines: [String] = []
        while let lf = input.firstIndex(of: 0x0A) {
            var line = input[..<lf]
            if line.last == 0x0D { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            input.removeSubrange(...lf)
        }
        state.withLock { $0.mostLinesInOneRead = max($0.mostLinesInOneRead, lines.count) }
        for line in lines where !closed { answer(line, context: context) }
    }

    private func answer(_ line: String, context: ChannelHandlerContext) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let keyword = words.first?.uppercased() ?? ""
        let behavior = state.withLock { state -> FakePOP3Server.Behavior in
            state.commands.append(keyword == "PASS" ? "PASS ****" : line)
            return state.behavior
        }
        let number = words.count > 1 ? Int(words[1]) : nil
        switch keyword {
        case "CAPA":
            var capabilities = ["TOP", "USER"]
            if behavior.supportsUIDL { capabilities.append("UIDL") }
            if behavior.supportsPipelining { capabilities.append("PIPELINING") }
            write("+OK\r\n" + capabilities.map { $0 + "\r\n" }.joined() + ".\r\n", context: context)
        case "USER": write("+OK\r\n", context: context)
        case "PASS":
            loggedIn = true
            snapshot = state.withLock { $0.messages }
            write("+OK logged in\r\n", context: context)
        case "QUIT": quit(behavior, context: context)
        case _ where !loggedIn: write("-ERR log in first\r\n", context: context)
        case "STAT":
            let live = liveMessages
            write("+OK \(live.count) \(live.reduce(0) { $0 + $1.1.bytes.count })\r\n", context: context)
        case "LIST":
            if let number {
                guard let message = message(number) else { return write("-ERR no such message\r\n", context: context) }
                return write("+OK \(number) \(message.bytes.count)\r\n", context: context)
            }
            write("+OK\r\n" + liveMessages.map { "\($0.0) \($0.1.bytes.count)\r\n" }.joined() + ".\r\n", context: context)
        case "UIDL":
            guard behavior.supportsUIDL else { return write("-ERR unknown command\r\n", context: context) }
            if let number {
                guard let message = message(number) else { return write("-ERR no such message\r\n", context: context) }
                return write("+OK \(number) \(message.uniqueID)\r\n", context: context)
            }
            write("+OK\r\n" + liveMessages.map { "\($0.0) \($0.1.uniqueID)\r\n" }.joined() + ".\r\n", context: context)
        case "RETR", "TOP":
            guard let number, let message = message(number) else {
                return write("-ERR no such message\r\n", context: context)
            }
            if keyword == "RETR", behavior.refusedIDs.contains(message.uniqueID) {
                return write("-ERR [SYS/TEMP] cannot read this message\r\n", context: context)
            }
            var answer = Array("+OK \(message.bytes.count) octets\r\n".utf8) + Self.dotStuffed(message.bytes)
            if keyword == "RETR", let cut = behavior.cutRetr, cut.uniqueID == message.uniqueID {
                state.withLock { $0.behavior.cutRetr = nil }
                answer = Array(answer.prefix(cut.afterBytes))
                writeBytes(answer, context: context)
                closed = true
                context.close(promise: nil)
                return
            }
            writeBytes(answer, context: context)
        case "DELE":
            guard let number, message(number) != nil else { return write("-ERR no such message\r\n", context: context) }
            deleted.insert(number)
            write("+OK marked\r\n", context: context)
        case "RSET":
            deleted = []
            write("+OK\r\n", context: context)
        case "NOOP": write("+OK\r\n", context: context)
        default: write("-ERR unknown command\r\n", context: context)
        }
    }

    private func quit(_ behavior: FakePOP3Server.Behavior, context: ChannelHandlerContext) {
        if loggedIn, behavior.failQuit {
            write("-ERR some deleted messages not removed\r\n", context: context)
        } else {
            if loggedIn {
                let gone = Set(deleted.map { snapshot[$0 - 1].uniqueID })
                state.withLock { $0.messages.removeAll { gone.contains($0.uniqueID) } }
            }
            write("+OK bye\r\n", context: context)
        }
        closed = true
        context.close(promise: nil)
    }

    private var liveMessages: [(Int, FakePOP3Server.Message)] {
        snapshot.enumerated().compactMap { index, message in
            deleted.contains(index + 1) ? nil : (index + 1, message)
        }
    }

    private func message(_ number: Int) -> FakePOP3Server.Message? {
        guard number >= 1, number <= snapshot.count, !deleted.contains(number) else { return nil }
        return snapshot[number - 1]
    }

    /// The text with a dot added to every line that starts with one, then the `.` line.
    static func dotStuffed(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 50 + 5)
        var lineStart = true
        for byte in bytes {
            if lineStart && byte == 0x2E { out.append(0x2E) }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        if !lineStart { out += [0x0D, 0x0A] }
        out += Array(".\r\n".utf8)
        return out
    }

    private func write(_ text: String, context: ChannelHandlerContext) {
        writeBytes(Array(text.utf8), context: context)
    }

    private func writeBytes(_ bytes: [UInt8], context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }
}
