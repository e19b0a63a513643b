import Foundation
import Testing
@testable import MailEngine

@Suite struct MailcapExpansionTests {
    let context = MailcapContext(filePath: "/tmp/tern-Ab12/tern-00ff.txt", mimeType: "text/plain",
                                 parameters: ["Charset": "utf-8", "name": "report.txt", "format": "flowed"])

    @Test(arguments: [
        ("less %s", "less '/tmp/tern-Ab12/tern-00ff.txt'", true),
        ("less '%s'", "less '/tmp/tern-Ab12/tern-00ff.txt'", true),
        ("less \"%s\"", "less \"/tmp/tern-Ab12/tern-00ff.txt\"", true),
        ("iconv -f %{charset} -t utf-8 %s", "iconv -f 'utf-8' -t utf-8 '/tmp/tern-Ab12/tern-00ff.txt'", true),
        ("echo %t", "echo 'text/plain'", false),
        ("cat", "cat", false),
        ("printf 100\\%s", "printf 100%s", false),
        ("printf 50%%", "printf 50%", false),
        ("a %x b", "a %x b", false),
        ("echo \\; ls", "echo ; ls", false),
        ("echo %{micalg}", "echo ''", false),
    ])
    func expansions(template: String, expected: String, usesFile: Bool) throws {
        let result = try MailcapExpansion.expand(template, context: context)
        #expect(result.command == expected)
        #expect(result.usesFile == usesFile)
    }

    @Test(arguments: [
        "echo %{name}", "echo %{filename}", "echo %n", "echo %F", "echo %{charset",
    ])
    func refused(template: String) {
        #expect(throws: MailcapError.self) { try MailcapExpansion.expand(template, context: context) }
    }

    @Test(arguments: [
        "utf-8;touch${IFS}/tmp/x", "$(id)", "`id`", "a'b", "a\"b", "a b", "-x", "a|b", "a&b", "a\nb", "ü",
    ])
    func unsafeParameterValuesRefuseTheCommand(value: String) {
        let hostile = MailcapContext(filePath: "/tmp/f", mimeType: "text/plain", parameters: ["charset": value])
        #expect(throws: MailcapError.self) { try MailcapExpansion.expand("iconv -f %{charset} %s", context: hostile) }
        #expect(throws: MailcapError.self) { try MailcapExpansion.expand("iconv -f '%{charset}' %s", context: hostile) }
    }

    @Test func unsafeTypeRefusesTheCommand() {
        let hostile = MailcapContext(filePath: "/tmp/f", mimeType: "text/x-$(id)", parameters: [:])
        #expect(throws: MailcapError.self) { try MailcapExpansion.expand("echo %t", context: hostile) }
    }

    @Test func errorsNameTheEntry() {
        let source = MailcapSource(file: "/home/u/.mailcap", line: 4)
        do {
            _ = try MailcapExpansion.expand("x %{name}", context: context, source: source)
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).hasSuffix("(mailcap entry at /home/u/.mailcap:4)"))
        }
    }
}
