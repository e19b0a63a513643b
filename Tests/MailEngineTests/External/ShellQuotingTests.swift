import Foundation
import Testing
@testable import MailEngine

/// Every hostile value, quoted for each place a template may put it, reaches the program as exactly
/// one literal argument: checked by running the real /bin/sh.
@Suite struct ShellQuotingTests {
    static let values = [
        "plain", "a b", "it's", "\"dq\"", "$(touch PWNED)", "`touch PWNED`", "a;touch PWNED", "$HOME", "\\n\\",
        "'$(x)'", "x'\"'\"y", "!bang", "*", "~", "-rf", "tab\there", "a|b&c>d<e",
    ]

    @Test(arguments: values)
    func valueArrivesLiterally(value: String) throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("tern-sq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        for (prefix, suffix) in [("printf '%s\\n' ", ""), ("printf '%s\\n' '", "'"), ("printf '%s\\n' \"", "\"")] {
            var tracker = ShellQuoting.Tracker()
            tracker.feed(prefix)
            let command = prefix + ShellQuoting.quote(value, in: tracker.state) + suffix
            let result = try ExternalProcess.runBlocking(["/bin/sh", "-c", "cd '\(tmp.path)' && " + command], output: .capture)
            #expect(String(decoding: result.output, as: UTF8.self) == value + "\n", "\(command)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "nothing was executed: \(command)")
        }
    }

    @Test func trackerFollowsQuotes() {
        var t = ShellQuoting.Tracker()
        t.feed("a 'b")
        #expect(t.state == .single)
        t.feed("\\' \"")
        #expect(t.state == .double)
        t.feed("\\\" x")
        #expect(t.state == .double)
        t.feed("\" \\'")
        #expect(t.state == .none)
    }
}
