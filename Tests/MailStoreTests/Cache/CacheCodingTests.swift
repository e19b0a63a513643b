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

    /// The sort key of a subject: lower case (ASCII byte by byte, other text by Unicode's rules),
    /// without reply and forward prefixes or list tags.
    @Test func sortSubjectsAreLoweredAndStripped() {
        #expect(CacheCoding.sortSubject("Re: FWD: [List-X] AW:  Quarterly REPORT 2024") == "quarterly report 2024")
        #expect(CacheCoding.sortSubject("ÉTÉ à Köln: Re: Plans") == "été à köln: re: plans")
        #expect(CacheCoding.sortSubject("Re: ÜBER") == "über")
        #expect(CacheCoding.sortSubject("[]") == "")
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Re:", "re: ", "Fwd:", "[x]", " ", "A", "b", "Z", "@", "~", "\t", "0"]
        for _ in 0 ..< 500 {
            let subject = (0 ..< Int.random(in: 0 ... 8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            // The ASCII path agrees with the Unicode one: the same subject with a non-ASCII letter
            // after it takes the other path, and only that letter differs.
            #expect(CacheCoding.sortSubject(subject) + "é" == CacheCoding.sortSubject(subject + "é"), "\(subject)")
        }
    }

    /// A keyword that could not be read back from the space-separated text is left out.
    @Test func keywordsThatCannotBeStoredAreLeftOut() {
        let (bits, keywords) = CacheCoding.encode([.keyword("two words"), .keyword(""), .keyword("ok")])
        #expect(bits == 0)
        #expect(keywords == "ok")
        #expect(CacheCoding.encode([.answered]).keywords == nil)
    }
}
