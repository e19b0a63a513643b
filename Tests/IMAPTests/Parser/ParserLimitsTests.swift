@testable import IMAP
import TernTestSupport
import Testing

/// What a hostile server can send, and that the parser stops it early without allocating.
@Suite struct ParserLimitsTests {
    @Test(arguments: ["* 1 FETCH (BODY[] {4294967295}\r\n", "* 1 FETCH (BODY[] {4294967295+}\r\n",
                      "* LIST () \"/\" {4294967295}\r\n", "A1 OK {99999999999999999999999}\r\n"])
    func anAnnouncedHugeLiteralFailsAtOnce(_ input: String) {
        var parser = ResponseParser()
        parser.append(bytes(input))
        let error = #expect(throws: IMAPProtocolError.self) { try parser.next() }
        guard case .literalTooLarge(let size, let limit)? = error?.kind else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(size >= 4_294_967_295)
        #expect(limit == IMAPLimits.default.maximumLiteralSize)
        // Nothing was reserved for the literal: the buffer holds only what arrived.
        #expect(parser.bufferedByteCount == input.utf8.count)
    }

    @Test func aBodyLiteralWithinTheLimitIsStreamedNotReserved() throws {
        var parser = ResponseParser()
        parser.append(bytes("* 1 FETCH (BODY[] {1073741824}\r\nabc"))
        #expect(try parser.next() == .fetchBegin(sequenceNumber: 1))
        #expect(try parser.next() == .bodyBegin(BodySection(.body, .complete), origin: nil, byteCount: 1 << 30))
        #expect(try parser.next() == .bodyBytes(ArraySlice(bytes("abc"))))
        #expect(try parser.next() == nil)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func tenThousandNestedParenthesesFailCleanly() {
        let input = "* 1 FETCH (BODYSTRUCTURE " + String(repeating: "(", count: 10_000)
            + String(repeating: ")", count: 10_000) + ")\r\n"
        let error = #expect(throws: IMAPProtocolError.self) { try parseEvents(input) }
        #expect(error?.kind == .nestingTooDeep(limit: 100))
    }

    @Test(arguments: [
        "* 1 FETCH (X-UNKNOWN " + String(repeating: "(", count: 10_000) + ")\r\n",
        "* LIST (" + String(repeating: "(", count: 10_000) + ") \"/\" x\r\n",
        "* XYZ " + String(repeating: "(", count: 10_000) + "\r\n* 1 FETCH (ENVELOPE " + String(repeating: "(", count: 5_000) + ")\r\n",
    ])
    func deepNestingAnywhereFailsCleanly(_ input: String) {
        #expect(throws: IMAPProtocolError.self) { try parseEvents(input) }
    }

    @Test func nestingWithinTheLimitParses() throws {
        // A message/rfc822 inside a message/rfc822 ... 20 levels deep.
        var body = "(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1)"
        for _ in 0..<20 {
            body = "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) \(body) 3)"
        }
        let structure = try parseBodyStructure(body)
        var depth = 0
        var current = structure
        while current.isMessage, let inner = current.parts.first {
            depth += 1
            current = inner
        }
        #expect(depth == 20)
        #expect(current.mimeType == "text/plain")
    }

    @Test func anEndlessLineFails() {
        var parser = ResponseParser(limits: IMAPLimits(maximumLineLength: 4096))
        let error = #expect(throws: IMAPProtocolError.self) {
            for _ in 0..<100 {
                parser.append([UInt8](repeating: UInt8(ascii: "x"), count: 1000))
                _ = try parser.next()
            }
        }
        #expect(error?.kind == .lineTooLong(limit: 4096))
        #expect(parser.bufferedByteCount <= 6000)
    }

    @Test func tooManyHeldLiteralsInOneResponseFail() {
        var input = "* 1 FETCH (ENVELOPE (NIL NIL (("
        for _ in 0..<100 { input += "{1000}\r\n" + String(repeating: "n", count: 1000) + " NIL NIL NIL)(" }
        input += "NIL NIL NIL NIL)) NIL NIL NIL NIL NIL NIL NIL NIL))\r\n"
        let limits = IMAPLimits(maximumLineLength: 4096, maximumBufferedLiteralSize: 50_000, streamingThreshold: 10_000,
                                maximumResponseSize: 50_000)
        let error = #expect(throws: IMAPProtocolError.self) { try parseEvents(input, limits: limits) }
        #expect(error?.kind == .responseTooLarge(limit: 50_000))
    }
}
