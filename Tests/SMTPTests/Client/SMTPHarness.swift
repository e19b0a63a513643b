import SMTP
import TernTestSupport
import Testing

/// Drives a client as a connection would: records what it sends, feeds server bytes in chunks and
/// collects the events (without the `.received` ones, which only feed the trace).
struct SMTPHarness {
    var client: SMTPClient
    /// Every line the client sent, in trace form.
    var sent: [String] = []
    /// Everything the client sent, as wire bytes.
    var wire: [UInt8] = []
    /// Every reply seen through `.received`.
    var received: [SMTPReply] = []

    init(tls: Bool = true, limits: SMTPLimits = .default) {
        client = SMTPClient(limits: limits, isTLSActive: tls)
    }

    mutating func record(_ outbound: SMTPOutbound) {
        sent += outbound.traceLines
        wire += outbound.bytes
    }

    /// Feeds `chunks` and collects events; `.send` events are recorded as sent and kept.
    mutating func feed(_ chunks: [[UInt8]]) throws(SMTPProtocolError) -> [SMTPEvent] {
        var events: [SMTPEvent] = []
        for chunk in chunks {
            client.receive(chunk)
            while let event = try client.nextEvent() {
                switch event {
                case .received(let reply): received.append(reply)
                case .send(let outbound):
                    record(outbound)
                    events.append(event)
                default: events.append(event)
                }
            }
        }
        return events
    }

    mutating func feed(_ text: String) throws(SMTPProtocolError) -> [SMTPEvent] {
        try feed([Array(text.utf8)])
    }

    /// A client past the greeting and EHLO with these extensions.
    static func ready(_ extensions: [String], tls: Bool = true, limits: SMTPLimits = .default) throws -> SMTPHarness {
        var harness = SMTPHarness(tls: tls, limits: limits)
        _ = try harness.feed("220 mx.example ESMTP\r\n")
        harness.record(harness.client.hello(domain: "[127.0.0.1]"))
        let lines = ["mx.example"] + extensions
        let reply = lines.enumerated().map { "250\($0.offset == lines.count - 1 ? " " : "-")\($0.element)\r\n" }.joined()
        let events = try harness.feed(reply)
        #expect(events.count == 1)
        harness.sent = []
        harness.wire = []
        return harness
    }

    static let fullServer = ["PIPELINING", "SIZE 1000000", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8", "AUTH PLAIN LOGIN"]
}

/// The report of the `.transactionFinished` among `events`.
func finishedReport(_ events: [SMTPEvent]) -> SMTPTransactionReport? {
    for event in events {
        if case .transactionFinished(let report) = event { return report }
    }
    return nil
}

let message = Array("Subject: hi\r\n\r\nHello\r\n.dot\r\n".utf8)
let traits = SMTPMessageTraits(scanning: message)
