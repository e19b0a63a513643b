import MailCore
import Testing
@testable import MailStore

/// How a row's flags are stored: system flags as bits, other keywords as sorted text.
@Suite struct CacheCodingTests {
    @Test func flagsBecomeBitsAndSortedKeywords() {
        let (bits, keywords) = CacheCoding.encode([.seen, .flagged, .keyword("$Label2"), .keyword("$Label1")])
        #expect(bits == (CacheCoding.bit(.seen) ?? 0) | (CacheCoding.bit(.flagged) ?? 0))
        #expect(keywords == "$Label1 $Label2")
        #expect(CacheCoding.decodeFlags(bits: bits, keywords: keywords) == [.seen, .flagged, .keyword("$Label2"), .keyword("$Label1")])
    }

    /// A keyword that could not be read back from the space-separated text is left out.
    @Test func keywordsThatCannotBeStoredAreLeftOut() {
        let (bits, keywords) = CacheCoding.encode([.keyword("two words"), .keyword(""), .keyword("ok")])
        #expect(bits == 0)
        #expect(keywords == "ok")
        #expect(CacheCoding.encode([.answered]).keywords == nil)
    }
}
