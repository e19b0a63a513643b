import Foundation
import SMTP
import TernTestSupport
import Testing

struct DataCase: Sendable, CustomStringConvertible {
    let name: String
    let input: String
    let wire: String
    var description: String { name }
}

/// Encodes `chunks` and finishes, as a connection streams a message.
func encodeData(_ chunks: [[UInt8]]) -> String {
    var encoder = SMTPDataEncoder()
    var out: [UInt8] = []
    for chunk in chunks { encoder.encode(chunk, into: &out) }
    encoder.finish(into: &out)
    return String(decoding: out, as: UTF8.self)
}

struct SMTPDataEncoderTests {
    static let cases: [DataCase] = [
        DataCase(name: "CRLF text", input: "a\r\nb\r\n", wire: "a\r\nb\r\n.\r\n"),
        DataCase(name: "LF text", input: "a\nb\n", wire: "a\r\nb\r\n.\r\n"),
        DataCase(name: "no final line end", input: "a\r\nb", wire: "a\r\nb\r\n.\r\n"),
        DataCase(name: "bare CR", input: "a\rb\r", wire: "a\r\nb\r\n.\r\n"),
        DataCase(name: "CR CR LF", input: "a\r\r\nb", wire: "a\r\n\r\nb\r\n.\r\n"),
        DataCase(name: "dot lines stuffed", input: ".\r\n..\r\n.a\r\nb.\r\n", wire: "..\r\n...\r\n..a\r\nb.\r\n.\r\n"),
        DataCase(name: "dot at the start", input: ".hidden", wire: "..hidden\r\n.\r\n"),
        DataCase(name: "dot after LF only", input: "x\n.\ny", wire: "x\r\n..\r\ny\r\n.\r\n"),
        DataCase(name: "dot after bare CR", input: "x\r.y", wire: "x\r\n..y\r\n.\r\n"),
        DataCase(name: "empty message", input: "", wire: ".\r\n"),
        DataCase(name: "empty lines", input: "\r\n\r\n", wire: "\r\n\r\n.\r\n"),
        DataCase(name: "UTF-8 kept", input: "Grüße\n", wire: "Grüße\r\n.\r\n"),
    ]

    @Test(arguments: cases)
    func encodesTheSameUnderEverySplit(_ fixture: DataCase) {
        for split in ByteSplits.all(Array(fixture.input.utf8)) {
            #expect(encodeData(split.chunks) == fixture.wire, "split \(split)")
        }
    }

    /// SIZE= counts the message with CRLF line ends, without dot-stuffing and the final dot.
    @Test(arguments: cases)
    func sizeIsTheCanonicalLengthWithoutStuffing(_ fixture: DataCase) {
        let traits = SMTPMessageTraits(scanning: Array(fixture.input.utf8))
        var unstuffed = fixture.wire.replacingOccurrences(of: "\r\n..", with: "\r\n.")
        if unstuffed.hasPrefix("..") { unstuffed.removeFirst() }
        #expect(traits.size == unstuffed.utf8.count - 3)
    }

    @Test func findsEightBitHeaderAndBody() {
        let plain = SMTPMessageTraits(scanning: Array("Subject: hi\r\n\r\nbody\r\n".utf8))
        #expect(!plain.hasEightBitData && !plain.hasEightBitHeader)
        let body = SMTPMessageTraits(scanning: Array("Subject: hi\n\nGrüße\n".utf8))
        #expect(body.hasEightBitData && !body.hasEightBitHeader)
        let header = SMTPMessageTraits(scanning: Array("Subject: Grüße\r\n\r\nbody".utf8))
        #expect(header.hasEightBitData && header.hasEightBitHeader)
    }

    /// 50 MB of text encodes in well under a second per 10 MB in a debug build's terms.
    @Test func encodesLargeMessagesInLinearTime() {
        let line = Array("A line of an ordinary message body, about seventy characters long.\r\n".utf8)
        var message: [UInt8] = []
        for _ in 0..<150_000 { message += line }
        var encoder = SMTPDataEncoder()
        var out: [UInt8] = []
        let elapsed = ContinuousClock().measure {
            for start in stride(from: 0, to: message.count, by: 262_144) {
                out.removeAll(keepingCapacity: true)
                encoder.encode(message[start..<min(message.count, start + 262_144)], into: &out)
            }
        }
        #expect(encoder.inputByteCount == message.count)
        #expect(elapsed < .seconds(10))
    }
}
