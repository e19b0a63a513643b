import Foundation
import NIOCore
import NIOSSL
import NIOTLS

/// One connection of ``FakeSMTPServer``: reads command lines, answers them, collects DATA.
final class FakeSMTPSession: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let state: FakeSMTPState
    private let tls: NIOSSLContext
    private var tlsActive: Bool
    private var input: [UInt8] = []
    private var inData = false
    private var data: [UInt8] = []
    private var sender: String?
    private var parameters: [String] = []
    private var recipients: [String] = []
    private var authenticated = false
    /// AUTH LOGIN: the user name once given.
    private var loginStep: (mechanism: String, user: String?)?
    private var closing = false

    init(state: FakeSMTPState, tls: NIOSSLContext, tlsActive: Bool) {
        self.state = state
        self.tls = tls
        self.tlsActive = tlsActive
    }

    func channelActive(context: ChannelHandlerContext) {
        let (number, behavior) = state.locked { values -> (Int, FakeSMTPServer.Behavior) in
            values.connections += 1
            return (values.connections - 1, values.behavior)
        }
        if behavior.refuseConnection(number) {
            reply(context, "554 5.3.2 fake server refuses connections")
            context.flush()
            context.close(promise: nil)
            return
        }
        reply(context, behavior.greeting)
        context.flush()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        input += buffer.readBytes(length: buffer.readableBytes) ?? []
        var start = 0
        while !closing, let lf = input[start...].firstIndex(of: 0x0A) {
            var end = lf
            if end > start, input[end - 1] == 0x0D { end -= 1 }
            let line = Array(input[start..<end])
            start = lf + 1
            if handle(line, context: context) == .startTLS {
                // Whatever followed STARTTLS in the same read is dropped, as RFC 3207 requires.
                input = []
                return
            }
        }
        input.removeFirst(min(start, input.count))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private enum Next { case goOn, startTLS }

    private func handle(_ line: [UInt8], context: ChannelHandlerContext) -> Next {
        if inData {
            if line == [UInt8(ascii: ".")] {
                inData = false
                finishMessage(context)
                return .goOn
            }
            data += line.first == UInt8(ascii: ".") ? Array(line.dropFirst()) : line
            data += [0x0D, 0x0A]
            return .goOn
        }
        let text = String(decoding: line, as: UTF8.self)
        let behavior = state.locked { values -> FakeSMTPServer.Behavior in
            values.commands.append(text)
            return values.behavior
        }
        if let step = loginStep {
            continueLogin(text, step: step, behavior: behavior, context: context)
            return .goOn
        }
        let upper = text.uppercased()
        let verb = upper.split(separator: " ").first.map(String.init) ?? ""
        switch verb {
        case "EHLO":
            var lines = ["fake.example.test greets you"] + behavior.extensions
            if behavior.offerStartTLS && !tlsActive { lines.insert("STARTTLS", at: 1) }
            for (index, extensionLine) in lines.enumerated() {
                reply(context, "250\(index == lines.count - 1 ? " " : "-")\(extensionLine)")
            }
        case "HELO":
            reply(context, "250 fake.example.test")
        case "STARTTLS" where behavior.offerStartTLS && !tlsActive:
            reply(context, "220 2.0.0 Ready to start TLS")
            context.flush()
            tlsActive = true
            try? context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
            return .startTLS
        case "AUTH":
            startLogin(text, behavior: behavior, context: context)
        case "MAIL":
            if !behavior.users.isEmpty && !authenticated {
                reply(context, "530 5.7.0 Authentication required")
            } else if let path = Self.path(in: text, after: "MAIL FROM:") {
                sender = path.address
                parameters = path.parameters
                recipients = []
                reply(context, "250 2.1.0 Ok")
            } else {
                reply(context, "501 5.5.4 Syntax: MAIL FROM:<address>")
            }
        case "RCPT":
            guard sender != nil else {
                reply(context, "503 5.5.1 Error: need MAIL command")
                return .goOn
            }
            guard let path = Self.path(in: text, after: "RCPT TO:") else {
                reply(context, "501 5.5.4 Syntax: RCPT TO:<address>")
                return .goOn
            }
            if let refusal = behavior.recipientReply(path.address) {
                reply(context, refusal)
            } else {
                recipients.append(path.address)
                reply(context, "250 2.1.5 Ok")
            }
        case "DATA":
            if sender == nil {
                reply(context, "503 5.5.1 Error: need MAIL command")
            } else if recipients.isEmpty {
                reply(context, "554 5.5.1 Error: no valid recipients")
            } else {
                inData = true
                data = []
                reply(context, "354 End data with <CR><LF>.<CR><LF>")
            }
        case "RSET":
            sender = nil
            recipients = []
            reply(context, "250 2.0.0 Ok")
        case "NOOP":
            reply(context, "250 2.0.0 Ok")
        case "QUIT":
            reply(context, "221 2.0.0 Bye")
            context.flush()
            closing = true
            context.close(promise: nil)
        default:
            reply(context, "502 5.5.2 Error: command not recognized")
        }
        return .goOn
    }

    private func finishMessage(_ context: ChannelHandlerContext) {
        let received = FakeSMTPServer.Received(sender: sender ?? "", recipients: recipients, parameters: parameters,
                                               data: data)
        let outcome = state.locked { values -> (drop: Bool, reply: String?) in
            let number = values.dataCount
            values.dataCount += 1
            if values.behavior.dropAfterData(number) { return (true, nil) }
            let custom = values.behavior.finalReply(number)
            if custom == nil || custom?.first == "2" { values.messages.append(received) }
            return (false, custom)
        }
        sender = nil
        recipients = []
        data = []
        if outcome.drop {
            closing = true
            context.close(promise: nil)
            return
        }
        reply(context, outcome.reply ?? "250 2.0.0 Ok: queued as FAKE\(state.locked { $0.dataCount })")
    }

    // MARK: - AUTH

    private func startLogin(_ text: String, behavior: FakeSMTPServer.Behavior, context: ChannelHandlerContext) {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return reply(context, "501 5.5.4 Syntax: AUTH mechanism") }
        switch words[1].uppercased() {
        case "PLAIN":
            if words.count >= 3 {
                checkPlain(words[2], behavior: behavior, context: context)
            } else {
                loginStep = ("PLAIN", nil)
                reply(context, "334 ")
            }
        case "LOGIN":
            loginStep = ("LOGIN", nil)
            reply(context, "334 VXNlcm5hbWU6")
        default:
            reply(context, "504 5.5.4 Unrecognized authentication type")
        }
    }

    private func continueLogin(_ text: String, step: (mechanism: String, user: String?), behavior: FakeSMTPServer.Behavior,
                               context: ChannelHandlerContext) {
        if text == "*" {
            loginStep = nil
            return reply(context, "501 5.7.0 Authentication aborted")
        }
        if step.mechanism == "PLAIN" {
            loginStep = nil
            return checkPlain(text, behavior: behavior, context: context)
        }
        let value = String(decoding: Data(base64Encoded: text) ?? Data(), as: UTF8.self)
        if let user = step.user {
            loginStep = nil
            finishLogin(user: user, password: value, behavior: behavior, context: context)
        } else {
            loginStep = ("LOGIN", value)
            reply(context, "334 UGFzc3dvcmQ6")
        }
    }

    private func checkPlain(_ base64: String, behavior: FakeSMTPServer.Behavior, context: ChannelHandlerContext) {
        let parts = (Data(base64Encoded: base64) ?? Data()).split(separator: 0, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return reply(context, "501 5.5.2 Cannot decode response") }
        finishLogin(user: String(decoding: parts[1], as: UTF8.self), password: String(decoding: parts[2], as: UTF8.self),
                    behavior: behavior, context: context)
    }

    private func finishLogin(user: String, password: String, behavior: FakeSMTPServer.Behavior,
                             context: ChannelHandlerContext) {
        if let expected = behavior.users[user], expected == password {
            authenticated = true
            reply(context, "235 2.7.0 Authentication successful")
        } else {
            reply(context, "535 5.7.8 Error: authentication failed")
        }
    }

    // MARK: - Helpers

    private func reply(_ context: ChannelHandlerContext, _ line: String) {
        context.write(wrapOutboundOut(context.channel.allocator.buffer(string: line + "\r\n")), promise: nil)
    }

    /// The address between `<` and `>` after `prefix`, and the parameters after it.
    static func path(in text: String, after prefix: String) -> (address: String, parameters: [String])? {
        guard text.uppercased().hasPrefix(prefix), let open = text.firstIndex(of: "<"),
              let close = text[open...].firstIndex(of: ">") else { return nil }
        let address = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].split(separator: " ").map(String.init)
        return (address, rest)
    }
}
