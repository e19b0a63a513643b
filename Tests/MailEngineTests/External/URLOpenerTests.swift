import Foundation
import Testing
@testable import MailEngine

@Suite struct URLOpenerTests {
    @Test(arguments: [
        ("xdg-open", [:], ["xdg-open", "https://x.test/a?b=1&c=2"]),
        ("firefox --new-tab", [:], ["firefox", "--new-tab", "https://x.test/a?b=1&c=2"]),
        ("xdg-open", ["BROWSER": "w3m:lynx"], ["w3m", "https://x.test/a?b=1&c=2"]),
        ("xdg-open", ["BROWSER": "chromium --app=%s"], ["chromium", "--app=https://x.test/a?b=1&c=2"]),
        ("xdg-open", ["BROWSER": ""], ["xdg-open", "https://x.test/a?b=1&c=2"]),
        ("'/opt/my browser/run'", [:], ["/opt/my browser/run", "https://x.test/a?b=1&c=2"]),
        ("sh -c 'firefox %s'", [:], ["sh", "-c", "firefox https://x.test/a?b=1&c=2"]),
    ] as [(String, [String: String], [String])])
    func argumentVectors(opener: String, environment: [String: String], expected: [String]) throws {
        let o = URLOpener(opener: opener, environment: environment)
        let url = "https://x.test/a?b=1&c=2"
        var wanted = expected
        // In `sh -c` text the URL is quoted for the shell.
        if opener.hasPrefix("sh -c") { wanted[2] = "firefox 'https://x.test/a?b=1&c=2'" }
        #expect(try o.arguments(for: url) == wanted)
    }

    @Test(arguments: [
        "javascript:alert(1)", "file:///etc/passwd", "-oProxyCommand=x", "https://x.test/a b", "https://x.test/\u{1B}]",
        "https://x.test/\u{202E}", "", "no-scheme", "data:text/html,x",
    ])
    func refusedURLs(url: String) {
        #expect(throws: ExternalProcessError.self) { try URLOpener(opener: "xdg-open", environment: [:]).arguments(for: url) }
    }

    @Test(arguments: ["https://x.test/", "HTTP://X.TEST", "mailto:a@b.test", "ftp://f.test/x"])
    func allowedURLs(url: String) throws {
        #expect(try URLOpener(opener: "xdg-open", environment: [:]).arguments(for: url).last == url)
    }

    @Test func shellMetacharactersInAURLNeverRun() async throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("tern-url-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out").path
        let marker = tmp.appendingPathComponent("pwned").path
        let url = "https://x.test/$(touch${IFS}\(marker))`touch${IFS}\(marker)`;touch${IFS}\(marker)'\"|x"
        for opener in ["/bin/sh -c 'printf %s \"$1\" > \(out)' sh", "sh -c 'printf %s %s > \(out)'", "sh -c \"printf %s %s > \(out)\""] {
            try? FileManager.default.removeItem(atPath: out)
            let arguments = try URLOpener(opener: opener, environment: [:]).arguments(for: url)
            let result = try await ExternalProcess.run(arguments)
            #expect(result.succeeded, "\(arguments)")
            #expect((try? String(contentsOfFile: out, encoding: .utf8)) == url, "\(opener)")
            #expect(!FileManager.default.fileExists(atPath: marker), "\(opener)")
        }
    }

    @Test func commandWords() {
        #expect(CommandWords.split("a  'b c' \"d \\\" e\" f\\ g ''") == ["a", "b c", "d \" e", "f g", ""])
        #expect(CommandWords.split("   ").isEmpty)
    }
}
