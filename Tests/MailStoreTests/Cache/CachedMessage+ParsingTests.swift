import Foundation
import MailCore
import Testing
@testable import MailStore

@Suite struct CachedMessageParsingTests {
    static let head = "From: Ann <ann@example.org>\r\nTo: Bob <bob@example.org>\r\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n"

    /// Messages whose header alone decides (single parts) and messages that need their body.
    static let messages: [(String, Bool)] = [
        ("Content-Type: text/plain\r\n\r\nHello.\r\n", false),
        ("\r\nNo content type at all.\r\n", false),
        ("Content-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a.txt\"\r\n\r\nHello.\r\n", true),
        ("Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n", true),
        ("Content-Type: text/html\r\n\r\n<p>Hi</p>\r\n", false),
        ("Content-Type: multipart/mixed\r\n\r\nNo boundary: shown as text.\r\n", false),
        ("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b\r\n"
            + "Content-Type: image/png\r\nContent-Disposition: attachment; filename=x.png\r\n\r\nAAAA\r\n--b--\r\n", true),
        ("Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b\r\n"
            + "Content-Type: text/html\r\n\r\n<p>Hi</p>\r\n--b--\r\n", false),
        ("Content-Type: message/rfc822\r\n\r\nSubject: inner\r\nContent-Type: application/zip\r\n\r\nPK\r\n", true),
    ]

    /// The header-first parse gives what parsing the whole message gives.
    @Test(arguments: messages)
    func headerFirstParseMatchesTheWholeParse(rest: String, expected: Bool) {
        let bytes = Array((Self.head + rest).utf8)
        let chunk = HeaderChunk(bytes: bytes, bodyStart: FileBytes.headerEnd(bytes, from: 0), fileSize: bytes.count, modified: nil)
        let entry = CachedMessage(chunk: chunk, flags: [], maildirFile: "cur/x:2,")
        let whole = CachedMessage(bytes: bytes, flags: [], receivedDate: nil, maildirFile: "cur/x:2,")
        #expect(entry.hasAttachments == whole.hasAttachments)
        #expect(entry.hasAttachments == expected)
        #expect(entry.hasAttachmentsIsExact)
        #expect(entry.envelope == whole.envelope)
    }

    /// A message cut after its header section (a large file) is guessed from its top-level type.
    @Test func aCutMessageIsGuessedFromItsType() {
        let bytes = Array((Self.head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHi").utf8)
        let chunk = HeaderChunk(bytes: bytes, bodyStart: FileBytes.headerEnd(bytes, from: 0), fileSize: 10_000_000, modified: nil)
        let entry = CachedMessage(chunk: chunk, flags: [], maildirFile: nil)
        #expect(entry.hasAttachments && !entry.hasAttachmentsIsExact)
        #expect(entry.size == 10_000_000)
    }
}
