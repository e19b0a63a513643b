import Foundation
import MailCore
import MailEngine
import TernTestSupport
@testable import TernUI

/// Messages and harnesses for the viewer's tests.
enum ViewerFixtures {
    /// Bytes that are not text: every byte value, twice.
    static let pdf: [UInt8] = Array("%PDF-1.4\n".utf8) + (0..<512).map { UInt8($0 % 256) }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tern-viewer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A multipart/mixed message: a text part, a PDF and a text attachment.
    static func withAttachments(subject: String = "Quarterly report", pdfName: String = "report.pdf") -> [UInt8] {
        let encoded = Data(pdf).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = """
            From: Bob Baker <bob@example.test>\r
            To: Alice <alice@example.test>\r
            Subject: \(subject)\r
            Date: Mon, 21 Sep 2026 14:07:00 +0000\r
            Message-ID: <report@example.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            The report is attached. See https://example.test/q3 for the slides.\r
            --b1\r
            Content-Type: application/pdf; name="\(pdfName)"\r
            Content-Disposition: attachment; filename="\(pdfName)"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(encoded)\r
            --b1\r
            Content-Type: text/plain; charset=utf-8; name="notes.txt"\r
            Content-Disposition: attachment; filename="notes.txt"\r
            \r
            first note\r
            second note\r
            --b1--\r

            """
        return Array(text.utf8)
    }

    /// A multipart/alternative message with different words in each version.
    static let alternative: [UInt8] = Array("""
        From: shop@example.test\r
        Subject: Your order\r
        MIME-Version: 1.0\r
        Content-Type: multipart/alternative; boundary="alt"\r
        \r
        --alt\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Plain words here.\r
        --alt\r
        Content-Type: text/html; charset=utf-8\r
        \r
        <html><style>p{color:red}</style><p>Rich <b>words</b> here &amp; there.</p></html>\r
        --alt--\r

        """.utf8)

    /// A reply quoting three levels deep, with a long quoted block.
    static let quoted: [UInt8] = {
        var body = "My answer is yes.\r\n\r\n"
        body += "> Are you sure?\r\n>> I think so.\r\n>>> Is it ready?\r\n"
        for i in 1...20 { body += "> old line \(i)\r\n" }
        body += "\r\nThanks.\r\n"
        return Array(("From: carol@example.test\r\nSubject: Re: Re: Ready?\r\nContent-Type: text/plain\r\n\r\n" + body).utf8)
    }()

    /// A harness over one fake account whose inbox holds `messages` (uids from 1, oldest first).
    static func harness(_ messages: [[UInt8]], size: TerminalKitSize = .init(width: 80, height: 24)) -> Harness {
        let fakes = messages.enumerated().map { index, raw in
            FakeMessage(raw: raw, uid: UInt32(index + 1), flags: [], date: testNow.addingTimeInterval(Double(index - messages.count) * 60))
        }
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: fakes])
        return Harness(size: size, backends: [backend])
    }
}

import TerminalKit
typealias TerminalKitSize = TerminalKit.Size
