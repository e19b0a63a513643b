import Testing
import MailCore

/// One HTML fixture and the text it must render to.
struct HTMLFixture: CustomTestStringConvertible, Sendable {
    var name: String
    var html: String
    var width: Int = 72
    var body: String
    var links: [String] = []
    var testDescription: String { name }
}

@Suite("HTMLRenderer")
struct HTMLRendererTests {
    static let fixtures: [HTMLFixture] = [
        HTMLFixture(name: "paragraphs and collapsed white space",
                    html: "<p>Hello   \n  world</p>\n\n<p> Second\tparagraph </p>",
                    body: "Hello world\n\nSecond paragraph"),
        HTMLFixture(name: "line breaks and Gmail empty divs",
                    html: "<div>Hello</div><div><br></div><div>World<br>again</div>",
                    body: "Hello\n\nWorld\nagain"),
        HTMLFixture(name: "br after paragraph makes one blank line",
                    html: "<p>a</p><br><p>b</p>", body: "a\n\nb"),
        HTMLFixture(name: "headings are prefixed",
                    html: "<h1>Title</h1><p>text</p><h3>Sub <i>section</i></h3>",
                    body: "# Title\n\ntext\n\n### Sub section"),
        HTMLFixture(name: "empty heading disappears", html: "<h2> </h2><p>x</p>", body: "x"),
        HTMLFixture(name: "nested lists",
                    html: "<ul><li>One</li><li>Two<ul><li>A</li><li>B<ol><li>x</li></ol></li></ul></li><li>Three</ul>",
                    body: "• One\n• Two\n  ◦ A\n  ◦ B\n    1. x\n• Three"),
        HTMLFixture(name: "ordered list start, type, value, reversed",
                    html: "<ol start=\"3\"><li>c<li value=10>j<li>k</ol><ol type=i><li>a<li>b</ol><ol reversed><li>x<li>y</ol><ol type=A start=27><li>q</ol>",
                    body: "3. c\n10. j\n11. k\n\ni. a\nii. b\n\n2. x\n1. y\n\nAA. q"),
        HTMLFixture(name: "list item text wraps under its marker",
                    html: "<ul><li>one two three four five six</li></ul>", width: 14,
                    body: "• one two\n  three four\n  five six"),
        HTMLFixture(name: "empty list item still shows its bullet",
                    html: "<ul><li></li><li>b</li></ul>", body: "•\n• b"),
        HTMLFixture(name: "paragraphs inside list items",
                    html: "<ol><li><p>first</p><p>more</p></li><li><p>second</p></li></ol>",
                    body: "1. first\n\n   more\n\n2. second"),
        HTMLFixture(name: "blockquote nesting",
                    html: "<p>Hi</p><blockquote><p>quoted one</p><p>two</p><blockquote>deeper</blockquote>back</blockquote><p>end</p>",
                    body: "Hi\n\n> quoted one\n>\n> two\n>\n> > deeper\n>\n> back\n\nend"),
        HTMLFixture(name: "blockquote wraps with its prefix",
                    html: "<blockquote>aaa bbb ccc ddd eee</blockquote>", width: 10,
                    body: "> aaa bbb\n> ccc ddd\n> eee"),
        HTMLFixture(name: "pre keeps lines, spaces and expands tabs",
                    html: "<p>x</p><pre>\n  indented\n\tTab  two  spaces\n\n<b>bold</b> &lt;tag&gt;\n</pre><p>y</p>",
                    body: "x\n\n  indented\n        Tab  two  spaces\n\nbold <tag>\n\ny"),
        HTMLFixture(name: "pre is not wrapped",
                    html: "<pre>aaaaaaaaaa bbbbbbbbbb</pre>", width: 10, body: "aaaaaaaaaa bbbbbbbbbb"),
        HTMLFixture(name: "data table with header aligns columns",
                    html: "<table><tr><th>Item</th><th>Price</th></tr><tr><td>Apple</td><td>$1</td></tr><tr><td>Banana split</td><td>$12.50</td></tr></table>",
                    body: "Item          Price\n────────────  ──────\nApple         $1\nBanana split  $12.50"),
        HTMLFixture(name: "too wide data table uses pipes",
                    html: "<table><tr><td>alpha beta gamma</td><td>delta epsilon</td></tr><tr><td>a</td><td></td><td>c</td></tr></table>",
                    width: 20,
                    body: "alpha beta gamma |\ndelta epsilon\na | c"),
        HTMLFixture(name: "colspan widens the last spanned column",
                    html: "<table><tr><td>a</td><td>b</td></tr><tr><td colspan=2>wide cell here</td></tr></table>",
                    body: "a  b\nwide cell here"),
        HTMLFixture(name: "implicit rows and cells, tbody, unclosed tags",
                    html: "<table><tbody><tr><td>1<td>2<tr><td>3<td>4</table>",
                    body: "1  2\n3  4"),
        HTMLFixture(name: "newsletter layout tables are read cell by cell",
                    html: """
                    <table width="100%" role="presentation"><tr><td align="center">
                      <table width="600"><tr>
                        <td><img src="logo.png" alt="ACME" width="120"></td>
                        <td align="right"><a href="https://acme.test/view">View online</a></td>
                      </tr></table>
                      <table width="600"><tr><td style="padding:20px">
                        <h1>Big sale</h1><p>Everything is <b>50%</b> off.</p>
                        <table><tr><td>&nbsp;</td></tr></table>
                        <p><a href="https://acme.test/shop?utm_source=mail&amp;id=1">Shop now</a></p>
                      </td></tr></table>
                    </td></tr></table>
                    """,
                    body: "[image: ACME]  View online[1]\n\n# Big sale\n\nEverything is 50% off.\n\nShop now[2]",
                    links: ["https://acme.test/view", "https://acme.test/shop?utm_source=mail&id=1"]),
        HTMLFixture(name: "cells with several blocks make a layout table",
                    html: "<table><tr><td><p>left one</p><p>left two</p></td><td>right</td></tr></table>",
                    body: "left one\n\nleft two\n\nright"),
        HTMLFixture(name: "stray text in a table comes first",
                    html: "<table>oops<tr><td>a</td><td>b</td></tr></table>", body: "oops\n\na  b"),
        HTMLFixture(name: "links are numbered and listed",
                    html: "<p>See <a href=\"https://a.test/x\">this</a> and <a href='https://b.test'>that</a>, again <a href=https://a.test/x>this</a>.</p>",
                    body: "See this[1] and that[2], again this[1].",
                    links: ["https://a.test/x", "https://b.test"]),
        HTMLFixture(name: "link whose text is its URL gets no number",
                    html: "<a href=\"https://example.com/\">https://example.com</a> <a href=\"http://www.x.test\">www.x.test</a>",
                    body: "https://example.com www.x.test"),
        HTMLFixture(name: "mailto and javascript links",
                    html: "<a href=\"mailto:bob@x.test\">bob@x.test</a>, <a href=\"mailto:bob@x.test?subject=Hi\">Bob</a>, <a href=\"javascript:alert(1)\">click</a>, <a href=\"#top\">top</a>",
                    body: "bob@x.test, Bob[1], click, top",
                    links: ["mailto:bob@x.test?subject=Hi"]),
        HTMLFixture(name: "empty links vanish, image links keep a marker",
                    html: "<a href=\"https://t.test/pixel\"></a><a href=\"https://x.test\"><img src=a.png></a> <a href=\"https://y.test\"><img alt=\"Logo\"></a>",
                    body: "[image][1] [image: Logo][2]",
                    links: ["https://x.test", "https://y.test"]),
        HTMLFixture(name: "link URLs are made safe",
                    html: "<a href=\"  https://x.test/a b\u{1B}[31m\n/c  \">x</a>",
                    body: "x[1]", links: ["https://x.test/a%20b%1B[31m/c"]),
        HTMLFixture(name: "images and tracking pixels",
                    html: "<p><img src=x alt=\"A  chart\"> <img src=t width=1 height=1 alt=pixel><img src=y></p>",
                    body: "[image: A chart]"),
        HTMLFixture(name: "hr", html: "<p>a</p><hr><p>b</p>", width: 8, body: "a\n\n────────\n\nb"),
        HTMLFixture(name: "head, script, style, template, title, svg and hidden content are dropped",
                    html: """
                    <html><head><title>T</title><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
                    <body><template><p>tpl</p></template><div style="display: none">preview</div><span hidden>h</span>
                    <svg><text>svg</text></svg><div style="DISPLAY:NONE;mso-hide:all">x</div><p>visible</p><noscript>ns</noscript></body></html>
                    """,
                    body: "visible\n\nns"),
        HTMLFixture(name: "body content without head end",
                    html: "<html><head><title>t</title><p>starts body</p>", body: "starts body"),
        HTMLFixture(name: "entities", html: "<p>&amp; &lt;&gt; &quot;&apos; &nbsp;|&nbsp;| caf&eacute; &copy &COPY; &hellip;&mdash;&rsquo;&euro;&zwnj; &bogus; &notit; &amp</p>",
                    body: "& <> \"'  | | café © © …—’€\u{200C} &bogus; ¬it; &"),
        HTMLFixture(name: "numeric references and windows-1252 quirks",
                    html: "&#65;&#x42;&#X43;&#128;&#150;&#151;&#153;&#0;&#xD800;&#1114112;&#x1F600;&#8364",
                    body: "ABC€–—™\u{FFFD}\u{FFFD}\u{FFFD}😀€"),
        HTMLFixture(name: "less-than in text and broken markup",
                    html: "<p>a < b and 3<4, <>, </ > x</p><p>unclosed <b>bold<i>both</p><p>after",
                    body: "a < b and 3<4, <>, x\n\nunclosed boldboth\n\nafter"),
        HTMLFixture(name: "comments, doctype, CDATA, conditional comments, processing instructions",
                    html: "<!DOCTYPE html><?xml version=\"1.0\"?><!-- hidden <p>x</p> --><p>a<!---->b<!--->c</p><![CDATA[raw & <text>]]><!--[if mso]>outlook<![endif]--><![if !mso]>shown<![endif]>",
                    body: "abc\n\nraw & <text>shown"),
        HTMLFixture(name: "unterminated comment hides the rest", html: "<p>a</p><!-- never closed <p>b</p>", body: "a"),
        HTMLFixture(name: "tag cut off at the end of input", html: "<p>text</p><a href=\"x", body: "text"),
        HTMLFixture(name: "attributes: unquoted, single quoted, duplicated, no value",
                    html: "<a href=https://u.test/q?a=1&amp;b=2 href='https://ignored.test' disabled>u</a>",
                    body: "u[1]", links: ["https://u.test/q?a=1&b=2"]),
        HTMLFixture(name: "stray end tags do not cross table cells",
                    html: "<div><table><tr><td>a</div>b</td><td>c</td></tr></table>d</div>",
                    body: "ab  c\n\nd"),
        HTMLFixture(name: "escape sequences and controls are replaced",
                    html: "<p>red \u{1B}[31mRED\u{1B}[0m bell\u{07} nul\u{0} c1\u{9B}2J &#27;[2J &#x9b; ok</p>",
                    body: "red \u{FFFD}[31mRED\u{FFFD}[0m bell\u{FFFD} nul\u{FFFD} c1\u{FFFD}2J \u{FFFD}[2J › ok"),
        HTMLFixture(name: "bidi overrides are replaced visibly",
                    html: "<p>file\u{202E}fdp.exe &#x2066;iso&#x2069; &#8238;x</p>",
                    body: "file\u{FFFD}fdp.exe \u{FFFD}iso\u{FFFD} \u{FFFD}x"),
        HTMLFixture(name: "controls in pre are replaced too",
                    html: "<pre>a\u{1B}]0;title\u{07}b\r\nc\rd</pre>",
                    body: "a\u{FFFD}]0;title\u{FFFD}b\nc\nd"),
        HTMLFixture(name: "wrapping never breaks a URL",
                    html: "<p>go to https://example.com/a/very/long/path/that/does/not/fit now</p>", width: 20,
                    body: "go to\nhttps://example.com/a/very/long/path/that/does/not/fit\nnow"),
        HTMLFixture(name: "wide characters count two columns",
                    html: "<p>日本語のテキストです。折り返しテスト</p>", width: 10,
                    body: "日本語のテ\nキストで\nす。折り返\nしテスト"),
        HTMLFixture(name: "soft hyphens and zero-width spaces go, wbr allows a break",
                    html: "<p>hy&shy;phen zero&#8203;width long<wbr>word</p>", width: 7,
                    body: "hyphen\nzero\nwidth\nlong\nword"),
        HTMLFixture(name: "zero-width spaces are removed from the output",
                    html: "<p>zero&#8203;width</p>", body: "zerowidth"),
        HTMLFixture(name: "q, inline elements and unknown tags",
                    html: "<p><q>hi</q> <o:p>office</o:p> <custom-el>x</custom-el><font color=red>f</font></p>",
                    body: "“hi” office xf"),
        HTMLFixture(name: "definition lists",
                    html: "<dl><dt>Term</dt><dd>Definition</dd></dl>", body: "Term\n    Definition"),
        HTMLFixture(name: "textarea and plaintext are verbatim",
                    html: "<textarea>a <b>b</b>\n &amp; c</textarea><plaintext><p>raw", body: "a <b>b</b>\n & c\n\n<p>raw"),
        HTMLFixture(name: "script end tag inside a string", html: "<script>if (a</b) x = \"</script>\";</script>ok", body: "\";ok"),
        HTMLFixture(name: "nested anchors close the outer one",
                    html: "<a href=\"https://1.test\">one<a href=\"https://2.test\">two</a></a>",
                    body: "one[1]two[2]", links: ["https://1.test", "https://2.test"]),
        HTMLFixture(name: "Outlook message",
                    html: """
                    <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8><style><!-- p.MsoNormal {margin:0} --></style>
                    <!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]--></head>
                    <body lang=EN-US><div class=WordSection1><p class=MsoNormal>Hi Bob,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>
                    <p class=MsoNormal>Thanks!<o:p></o:p></p><div><div style='border:none;border-top:solid #E1E1E1 1.0pt'>
                    <p class=MsoNormal><b>From:</b> Alice &lt;alice@example.test&gt; <br><b>Sent:</b> Monday</p></div></div></div></body></html>
                    """,
                    body: "Hi Bob,\n\nThanks!\n\nFrom: Alice <alice@example.test>\nSent: Monday"),
        HTMLFixture(name: "Gmail reply",
                    html: "<div dir=\"ltr\">Sounds good.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, Bob wrote:<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\"><div dir=\"ltr\">Lunch?</div></blockquote></div>",
                    body: "Sounds good.\n\nOn Mon, Bob wrote:\n\n> Lunch?"),
        HTMLFixture(name: "empty document", html: "", body: ""),
        HTMLFixture(name: "white space only", html: " \n\t <br> ", body: ""),
    ]

    @Test(arguments: fixtures)
    func renders(_ fixture: HTMLFixture) {
        let rendered = HTMLRenderer.render(fixture.html, width: fixture.width)
        #expect(rendered.body == fixture.body)
        #expect(rendered.links.map(\.url) == fixture.links)
        #expect(rendered.links.map(\.number) == Array(1..<(fixture.links.count + 1)))
    }

    @Test(arguments: fixtures)
    func outputHasNoControlCharacters(_ fixture: HTMLFixture) {
        let text = HTMLRenderer.render(fixture.html, width: fixture.width).text
        #expect(!text.unicodeScalars.contains { DisplaySanitizer.isUnsafe($0, allowTab: false) })
    }

    @Test func textAppendsTheLinkList() {
        let rendered = HTMLRenderer.render("<a href=\"https://a.test\">a</a>", width: 72)
        #expect(rendered.text == "a[1]\n\nLinks:\n[1] https://a.test")
        #expect(HTMLRenderer.render("<p>x</p>", width: 72).text == "x")
    }

    @Test func bytesAndStringsRenderAlike() {
        let html = "<p>caf\u{E9} <b>x</b></p>"
        #expect(HTMLRenderer.render(utf8: Array(html.utf8), width: 40) == HTMLRenderer.render(html, width: 40))
        #expect(HTMLRenderer.render(html[...], width: 40) == HTMLRenderer.render(html, width: 40))
        #expect(HTMLRenderer.render(utf8: [0x3C, 0x70, 0x3E, 0xFF, 0x61], width: 40).body == "\u{FFFD}a")
    }

    @Test func lineWidthIsRespected() {
        let html = String(repeating: "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p><blockquote><ul><li>nested item text that wraps</li></ul></blockquote>", count: 20)
        for width in [20, 40, 72] {
            let lines = HTMLRenderer.render(html, width: width).body.split(separator: "\n")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        }
    }

    @Test func zeroWidthMeansNoWrapping() {
        let words = Array(repeating: "word", count: 100).joined(separator: " ")
        #expect(HTMLRenderer.render("<p>\(words)</p>", width: 0).body == words)
    }
}
