import Foundation
import Testing
import TernConfig
@testable import MailEngine

@Suite("Signature from a file or a command")
struct SignatureTests {
    @Test func fileSignatureLosesTrailingNewlines() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("Alice\nexample.test\n\n".utf8).write(to: URL(fileURLWithPath: dir + "/sig"))
        #expect(try Signature.load(.file(dir + "/sig")) == "Alice\nexample.test")
    }

    @Test func missingFileSaysSo() {
        #expect {
            _ = try Signature.load(.file("/nonexistent/sig"))
        } throws: { error in
            "\(error)".contains("does not exist") && "\(error)".contains("signature_file")
        }
    }

    @Test func commandOutputIsTheSignature() throws {
        #expect(try Signature.load(.command("printf 'one\\ntwo\\n'")) == "one\ntwo")
        #expect(try Signature.load(.command("printf 'esc \\033[31m'")) == "esc \u{FFFD}[31m")
    }

    @Test func failingOrSlowCommandIsAnError() {
        #expect {
            _ = try Signature.load(.command("echo broken >&2; exit 2"))
        } throws: { error in
            "\(error)".contains("exit status 2") && "\(error)".contains("broken")
        }
        let start = Date()
        #expect {
            _ = try Signature.load(.command("sleep 30"), timeout: .milliseconds(300))
        } throws: { error in
            "\(error)".contains("longer than")
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
