import Foundation
import MailCore
import TerminalKit
import TernConfig
import Testing
@testable import TernUI

/// A message with ESC sequences and bidi overrides in Subject, From, body and file name: the screen
/// shows placeholders, and what NcursesScreen would write (``CellOutput``) holds no control and no
/// bidi control.
@Suite struct ReaderHostileTests {
    static let message: [UInt8] = {
        let esc = "\u{1B}"
        let text = """
            From: =?utf-8?b?\(Data("Evil\(esc)[2J\u{202E}gnp.exe".utf8).base64EncodedString())?= <evil@example.test>\r
            To: bob@example.test\r
            Subject: Hi \(esc)]0;owned\u{7}\u{202E}txt.exe\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary=b\r
            \r
            --b\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Body \(esc)[31mred\(esc)[0m and \u{202E}reversed\u{202C} and \u{9B}31m C1 and \u{2066}isolate\u{2069}.\r
            --b\r
            Content-Type: application/octet-stream\r
            Content-Disposition: attachment; filename="\(esc)[1mbold\u{202E}fdp.exe"\r
            \r
            MZ\r
            --b--\r

            """
        return Array(text.utf8)
    }()

    static func isForbidden(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x2028 || v == 0x2029
    }

    @Test func placeholdersOnScreenAndNoControlReachesTheTerminal() throws {
        let document = ReaderDocument(message: Message(bytes: Self.message),
                                      options: ReaderOptions(width: 80, timeZone: ReaderTest.utc), firstLines: 40)
        for options in [document.options, { var o = document.options; o.showAllHeaders = true; return o }(),
                        { var o = document.options; o.showRaw = true; return o }()] {
            var doc = document
            doc.setOptions(options, firstLines: 40)
            let screen = ReaderTest.screen(doc, width: 80, height: 24)
            let text = ReaderTest.text(screen).joined(separator: "\n")
            // Nothing of the hostile input is in any cell.
            for cell in screen.buffer.cells {
                #expect(!cell.text.unicodeScalars.contains { Self.isForbidden($0.value) }, "\(cell.text.debugDescription)")
                for codePoints in CellOutput.codePoints(for: cell, fallback: "\u{FFFD}", systemWidth: { v in
                    v < 0x20 ? -1 : (v >= 0x300 && v < 0x370 ? 0 : 1)
                }) where !cell.isContinuation {
                    #expect(!codePoints.contains(where: Self.isForbidden))
                }
            }
            if !options.showRaw {
                #expect(text.contains("Evil\u{FFFD}[2J\u{FFFD}gnp.exe <evil@example.test>"))
                #expect(text.contains("Body \u{FFFD}[31mred\u{FFFD}[0m and \u{FFFD}reversed\u{FFFD} and \u{FFFD}31m C1 and \u{FFFD}isolate\u{FFFD}."))
            }
            if !options.showRaw && !options.showAllHeaders {
                #expect(text.contains("Subject: Hi \u{FFFD}]0;owned\u{FFFD}\u{FFFD}txt.exe"))
                #expect(text.contains("[2] \u{FFFD}[1mbold\u{FFFD}fdp.exe application/octet-stream 2 B"))
            }
        }
        let rows = ReaderAttachments.rows(of: Message(bytes: Self.message), preferHTML: false)
        #expect(rows[1].filename == "\u{FFFD}[1mbold\u{FFFD}fdp.exe")
    }
}
