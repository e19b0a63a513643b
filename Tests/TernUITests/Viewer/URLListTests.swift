import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// `u` in the viewer: the numbered links of the message, opened or copied.
@Suite struct URLListTests {
    static let links: [UInt8] = Array("""
        From: news@example.test\r
        Subject: Links\r
        Content-Type: text/plain\r
        \r
        Read https://example.test/one and https://example.test/two.\r
        Again https://example.test/one, then ftp://files.example.test/x.tar.gz\r
        Evil https://example.test/\u{1B}[2Jx here.\r

        """.utf8)

    @Test func listsOpensAndCopiesLinks() async throws {
        let h = ViewerFixtures.harness([Self.links])
        h.state.config.viewer.opener = "true"
        await h.start()
        await h.press("<Enter>")
        await h.press("u")
        #expect(h.state.keyContext == .urls)
        #expect(h.lines[0].hasPrefix("Links: Links"))
        #expect(h.lines[0].hasSuffix("4 links"), "\(h.lines[0])")
        expectLines(Array(h.lines[1...3]), [
            "> [1]  https://example.test/one",
            "  [2]  https://example.test/two",
            "  [3]  ftp://files.example.test/x.tar.gz",
        ].map { $0.padding(toLength: 80, withPad: " ", startingAt: 0) })
        // The escape in the fourth is shown as a placeholder.
        #expect(h.lines[4].hasPrefix("  [4]  https://example.test/\u{FFFD}[2Jx"), "\(h.lines[4])")
        #expect(h.lines[22].hasPrefix("Enter/o opens  y copies  q closes"))
        #expect(h.lines[22].hasSuffix("1/4"))
        _ = h.takeEffects()
        await h.press("j<Enter>")
        #expect(h.takeEffects().contains(.viewer(.openURL("https://example.test/two", opener: "true"))))
        await h.press("jo")
        #expect(h.takeEffects().contains(.viewer(.openURL("ftp://files.example.test/x.tar.gz", opener: "true"))))
        await h.press("gg")
        await h.settle(h.state.handle(.key(.char("y"))))
        #expect(h.takeEffects().contains(.viewer(.copy(CopyRequest(text: "https://example.test/one")))))
        // With OSC 52 sent by the runtime (and no desktop clipboard here), the message says where it went.
        await h.deliver(.viewer(await EffectRunner.copy(CopyRequest(text: "https://example.test/one", sentToTerminal: true),
                                                         environment: ["PATH": "/nonexistent"])))
        #expect(h.lines[23].hasPrefix("Copied https://example.test/one to the terminal's clipboard"), "\(h.lines[23])")
        await h.deliver(.viewer(await EffectRunner.copy(CopyRequest(text: "x"), environment: ["PATH": "/nonexistent"])))
        #expect(h.lines[23].hasPrefix("Cannot copy"), "\(h.lines[23])")
        await h.press("q")
        #expect(h.state.keyContext == .viewer)
        var frame = Frame(size: Size(width: 80, height: 24))
        await h.press("u")
        AppRenderer.render(&h.state, into: &frame)
        #expect(unsafeScalars(in: frame.buffer).isEmpty)
    }

    @Test func aMessageWithoutLinksSaysSo() async {
        let h = ViewerFixtures.harness([ViewerFixtures.quoted])
        await h.start()
        await h.press("<Enter>u")
        #expect(h.state.keyContext == .viewer)
        #expect(h.lines[23].hasPrefix("This message has no links"))
    }
}
