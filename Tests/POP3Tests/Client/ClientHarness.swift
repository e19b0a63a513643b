import POP3
import TernTestSupport
import Testing

/// An event with message chunks merged, so runs under different byte splits compare equal.
enum Seen: Equatable, CustomStringConvertible {
    case event(POP3Event)
    case message(String)

    var description: String {
        switch self {
        case .event(let event): "\(event)"
        case .message(let text): "message(\(text.debugDescription))"
        }
    }
}

/// Drives a client as a connection would: sends, feeds server bytes in chunks, collects events
/// until the command's terminal event.
struct ClientHarness {
    var client: POP3Client
    /// Everything the client asked to send, as wire text.
    var sent: [String] = []

    init(limits: POP3Limits = .default, isTLSActive: Bool = true) {
        client = POP3Client(limits: limits, isTLSActive: isTLSActive)
    }

    /// Feeds `server` in `chunks` and collects events until a terminal one (or the input ends).
    /// `.send` events are recorded in ``sent`` and included.
    mutating func feed(_ chunks: [[UInt8]]) throws(POP3ProtocolError) -> [Seen] {
        var seen: [Seen] = []
        func add(_ event: POP3Event) {
            if case .messageBytes(let bytes) = event {
                let text = String(decoding: bytes, as: UTF8.self)
                if case .message(let previous) = seen.last {
                    seen[seen.count - 1] = .message(previous + text)
                } else {
                    seen.append(.message(text))
                }
            } else {
                seen.append(.event(event))
            }
            if case .send(let outbound) = event { sent.append(String(decoding: outbound.bytes, as: UTF8.self)) }
        }
        for chunk in chunks {
            client.receive(chunk)
            while let event = try client.nextEvent() { add(event) }
        }
        return seen
    }

    /// Feeds the whole text at once.
    mutating func feed(_ server: String) throws(POP3ProtocolError) -> [Seen] {
        try feed([Array(server.utf8)])
    }

    /// Sends a command and returns its wire text.
    @discardableResult
    mutating func send(_ command: POP3Command) -> String {
        let text = String(decoding: client.send(command).bytes, as: UTF8.self)
        sent.append(text)
        return text
    }

    /// A client past the greeting (and, when `loggedIn`, past USER/PASS).
    static func ready(loggedIn: Bool, limits: POP3Limits = .default) throws -> ClientHarness {
        var harness = ClientHarness(limits: limits)
        _ = try harness.feed("+OK ready\r\n")
        if loggedIn {
            _ = try harness.client.authenticate(POP3Credentials(username: "bob", secret: .password("bobpw")),
                                                options: .init())
            _ = try harness.feed("+OK\r\n+OK logged in\r\n")
            #expect(harness.client.state == .transaction)
        }
        return harness
    }
}

/// A `+OK` / `-ERR` status line for expected events.
func ok(_ text: String = "") -> POP3StatusLine { POP3StatusLine(isOK: true, text: text) }

/// A `-ERR` answer to `command` for expected events.
func err(_ command: String, _ text: String) -> POP3Event {
    .failed(POP3ServerError(command: command, statusLine: POP3StatusLine(isOK: false, text: text)))
}
