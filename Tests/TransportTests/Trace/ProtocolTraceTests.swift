import Foundation
import Testing
import TernTestSupport
import Transport

@Suite struct ProtocolTraceTests {
    @Test func linesArePrefixedAndLabeled() {
        let sink = TraceLines()
        let trace = sink.makeTrace().labeled("pop3 host:110")
        trace.sent("PASS ****")
        trace.received(Array("+OK".utf8))
        trace.receivedSummary("12 bytes of message text")
        trace.note("closed")
        #expect(sink.lines == [
            "[pop3 host:110] C: PASS ****", "[pop3 host:110] S: +OK", "[pop3 host:110] S: [12 bytes of message text]",
            "[pop3 host:110] * closed",
        ])
    }

    @Test func controlCharactersAreEscaped() {
        let sink = TraceLines()
        let trace = sink.makeTrace()
        trace.received(Array("+OK \u{1b}[2J\u{7}\u{9b}bidi\u{202e}".utf8))
        #expect(sink.lines == ["S: +OK \\x1B[2J\\x07\\xC2\\x9Bbidi\\xE2\\x80\\xAE"])
    }

    @Test func longLinesAreCut() {
        let sink = TraceLines()
        sink.makeTrace().received([UInt8](repeating: UInt8(ascii: "a"), count: 5000))
        #expect(sink.lines[0].count < 2100)
        #expect(sink.lines[0].hasSuffix("... (5000 bytes)"))
    }

    @Test func fileTraceIsPrivateAndAppends() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tern-trace-\(UUID()).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trace = try ProtocolTrace.appending(toFileAt: path)
        trace.sent("CAPA")
        let again = try ProtocolTrace.appending(toFileAt: path)
        again.received(Array("+OK".utf8))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix(" C: CAPA"))
        #expect(lines[1].hasSuffix(" S: +OK"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
