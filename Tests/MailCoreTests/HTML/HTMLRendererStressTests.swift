import Testing
import MailCore

/// Hostile and large inputs: they must render without crashing, in linear time.
@Suite("HTMLRenderer stress")
struct HTMLRendererStressTests {
    #if DEBUG
    static let n = 10_000 // debug builds are about 20 times slower; deepNestingKeepsContent keeps 100,000
    #else
    static let n = 100_000
    #endif

    static let hostile: [(String, String)] = [
        ("nested divs", String(repeating: "<div>", count: n) + "deep" + String(repeating: "</div>", count: n) + "after"),
        ("unclosed blockquotes", String(repeating: "<blockquote>", count: n) + "deep quote"),
        ("nested lists", String(repeating: "<ul><li>", count: n) + "item"),
        ("nested tables", String(repeating: "<table><tr><td>", count: n) + "cell"),
        ("nested spans in hidden", "<div hidden>" + String(repeating: "<span>", count: n) + "x</div>visible"),
        ("unmatched end tags in a cell", "<div><table><tr><td>" + String(repeating: "</div></x></p>", count: 20_000) + "ok"),
        ("many less-than signs", String(repeating: "a < b ", count: 20_000)),
        ("unterminated attribute", "<p>before</p><a href=\"" + String(repeating: "x", count: 100_000)),
        ("unterminated comment", "<p>before</p><!--" + String(repeating: "-", count: 100_000)),
        ("unterminated script", "<p>before</p><script>" + String(repeating: "</scrip", count: 20_000)),
        ("many ampersands", String(repeating: "&amp &#x &#99999999999; &notit; ", count: 10_000)),
        ("closing brackets", "<a href=x>" + String(repeating: ")]}", count: 20_000) + "</a>"),
        ("one huge word", String(repeating: "x", count: 100_000)),
        ("a very wide table", "<table><tr>" + String(repeating: "<td>c</td>", count: 5_000) + "</tr></table>"),
        ("escape flood", String(repeating: "\u{1B}[31m\u{9B}\u{202E}", count: 10_000)),
    ]

    @Test(arguments: hostile)
    func survives(_ name: String, _ html: String) {
        let clock = ContinuousClock()
        var rendered = RenderedText(body: "", links: [])
        let elapsed = clock.measure { rendered = HTMLRenderer.render(html, width: 80) }
        #expect(elapsed < .seconds(20), "\(name) took \(elapsed)")
        #expect(!rendered.text.unicodeScalars.contains { DisplaySanitizer.isUnsafe($0, allowTab: false) })
    }

    @Test func hundredThousandNestedElements() {
        let html = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000) + "after"
        #expect(HTMLRenderer.render(html, width: 80).body == "deep\nafter")
        let quotes = HTMLRenderer.render(String(repeating: "<blockquote>", count: 100_000) + "q", width: 80).body
        #expect(quotes == String(repeating: "> ", count: 20) + "q")
    }

    @Test func deepQuotesStayWithinTheWidth() {
        let quotes = HTMLRenderer.render(String(repeating: "<blockquote>", count: 1000) + "q", width: 40).body
        #expect(quotes == String(repeating: "> ", count: 10) + "q")
        #expect(DisplayWidth.of(quotes) <= 40)
    }

    /// A generated newsletter (1 MB optimised, 200 KB in a debug build); prints the time. A 10 MB
    /// one renders in about half a second in an optimised build.
    @Test func largeNewsletter() {
        #if DEBUG
        let size = 200_000
        #else
        let size = 1_000_000
        #endif
        var html = "<html><body><table role=presentation width=100%><tr><td>"
        var i = 0
        while html.utf8.count < size {
            i += 1
            html += "<table><tr><td style=\"padding:10px\"><h2>Article \(i)</h2><p>Lorem ipsum <b>dolor</b> sit amet, &nbsp;consectetur <a href=\"https://acme.test/a/\(i)?utm=x&amp;y=z\">adipiscing elit</a>, sed do eiusmod tempor.</p><table><tr><td>Price</td><td>$\(i)</td></tr></table><ul><li>one</li><li>two</li></ul></td></tr></table>\n"
        }
        html += "</td></tr></table></body></html>"
        let clock = ContinuousClock()
        var rendered = RenderedText(body: "", links: [])
        let elapsed = clock.measure { rendered = HTMLRenderer.render(html, width: 72) }
        print("rendering \(html.utf8.count) bytes of HTML: \(elapsed)")
        #expect(rendered.links.count == i)
        #expect(rendered.body.contains("## Article \(i)"))
        #expect(elapsed < .seconds(30))
    }
}
