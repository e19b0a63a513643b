import MailCore
import Testing
@testable import MailEngine

@Suite("mailto: URLs (RFC 6068)")
struct MailtoURLTests {
    @Test(arguments: [
        ("mailto:bob@example.test", ["bob@example.test"], nil as String?, nil as String?),
        ("MAILTO:bob@example.test", ["bob@example.test"], nil, nil),
        ("mailto:bob@example.test,carol@example.test", ["bob@example.test", "carol@example.test"], nil, nil),
        ("mailto:bob@example.test?subject=hi", ["bob@example.test"], "hi", nil),
        ("mailto:bob@example.test?Subject=Gr%C3%BC%C3%9Fe%20aus%20Wien", ["bob@example.test"], "Grüße aus Wien", nil),
        ("mailto:?to=bob@example.test&subject=a+b", ["bob@example.test"], "a+b", nil),
        ("mailto:bob@example.test?body=line%20one%0D%0Aline%20two", ["bob@example.test"], nil, "line one\nline two"),
        ("mailto:bob@example.test?to=carol@example.test", ["bob@example.test", "carol@example.test"], nil, nil),
        ("mailto:%22Bob%20B%22%20%3Cbob@example.test%3E", ["bob@example.test"], nil, nil),
        ("mailto:bob@example.test?subject=%3F%26%3D", ["bob@example.test"], "?&=", nil),
    ])
    func parses(_ url: String, _ to: [String], _ subject: String?, _ body: String?) throws {
        let parsed = try MailtoURL.parse(url)
        #expect(parsed.to.map(\.address) == to)
        #expect(parsed.subject == subject)
        #expect(parsed.body == body)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func copiesAndThreadFields() throws {
        let url = try MailtoURL.parse("mailto:list@example.test?cc=ann@example.test,bo@example.test&bcc=me@example.test"
            + "&in-reply-to=%3C3469A91.D10AF4C@example.com%3E&references=%3Ca@b%3E%20%3Cc@d%3E")
        #expect(url.cc.map(\.address) == ["ann@example.test", "bo@example.test"])
        #expect(url.bcc.map(\.address) == ["me@example.test"])
        #expect(url.inReplyTo == [MessageID("3469A91.D10AF4C@example.com")])
        #expect(url.references == [MessageID("a@b"), MessageID("c@d")])
    }

    /// CVE-2020-11879: a link must never attach a file of the user's.
    @Test(arguments: ["attach", "Attach", "attachment", "x-attach", "file"])
    func attachIsIgnoredWithAWarning(_ field: String) throws {
        let url = try MailtoURL.parse("mailto:bob@example.test?subject=hi&\(field)=/home/alice/.ssh/id_rsa&body=x")
        #expect(url.to.map(\.address) == ["bob@example.test"])
        #expect(url.subject == "hi")
        #expect(url.body == "x")
        #expect(url.warnings.count == 1)
        #expect(url.warnings[0].contains("CVE-2020-11879"))
        #expect(!url.warnings[0].contains("id_rsa"))
        let draft = DraftStarter(account: ComposeFixtures.account).new(mailto: url)
        #expect(draft.attachments.isEmpty)
    }

    @Test func otherFieldsAreIgnoredWithAWarning() throws {
        let url = try MailtoURL.parse("mailto:bob@example.test?from=evil@example.test&X-Header=1&subject=ok")
        #expect(url.subject == "ok")
        #expect(url.warnings.count == 2)
        #expect(url.warnings.allSatisfy { $0.contains("Ignored") })
    }

    @Test func headerInjectionInTheSubjectIsFlattened() throws {
        let url = try MailtoURL.parse("mailto:bob@example.test?subject=hi%0D%0ABcc:%20eve@evil.test%1B")
        #expect(url.subject?.contains("\r") == false)
        #expect(url.subject?.contains("\n") == false)
        #expect(url.warnings.count == 1)
    }

    @Test func fragmentIsIgnoredWithAWarning() throws {
        let url = try MailtoURL.parse("mailto:bob@example.test?subject=a#frag")
        #expect(url.subject == "a")
        #expect(url.warnings.count == 1)
    }

    @Test(arguments: [
        ("bob@example.test", "must start with mailto:"),
        ("mailto:bob@example.test?subject=50%", "column"),
        ("mailto:bob@example.test?subject=%zz", "two hex digits"),
        ("mailto:bob@example.test?subject=%FF%FE", "UTF-8"),
        ("mailto:not-an-address", "not an email address"),
        ("mailto:bob@example.test?cc=nobody", "not an email address"),
    ])
    func errorsSayWhatIsWrong(_ url: String, _ expected: String) {
        #expect {
            _ = try MailtoURL.parse(url)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test func newDraftFromALink() throws {
        let url = try MailtoURL.parse("mailto:bob@example.test?subject=hi&body=Hello%0A&cc=carol@example.test")
        let draft = DraftStarter(account: ComposeFixtures.account, signature: "Alice").new(mailto: url)
        #expect(draft.to.map(\.address) == ["bob@example.test"])
        #expect(draft.cc.map(\.address) == ["carol@example.test"])
        #expect(draft.subject == "hi")
        #expect(draft.body == "Hello\n\n\n\n-- \nAlice\n")
        #expect(draft.cursorLine == 3)
    }
}
