@testable import IMAP
import Testing

/// A FETCH answer's body section is read once per run of answers with the same bytes: the
/// events must be those of a parser reading every answer afresh.
@Suite struct SectionSpecifierTests {
    static let sections = [
        "[HEADER.FIELDS (DATE FROM SUBJECT)]", "[HEADER.FIELDS (DATE FROM SUBJECT)]", "[header.fields (date From subject)]",
        "[HEADER.FIELDS (DATE FROM)]", "[HEADER.FIELDS (DATE FROM SUBJECT X])]", "[HEADER.FIELDS (DATE FROM SUBJECT X]]",
        "[HEADER.FIELDS.NOT (DATE FROM SUBJECT)]", "[HEADER.FIELDS (\"DATE\" {4}\r\nFROM SUBJECT)]", "[HEADER]",
        "[1.2.HEADER.FIELDS (DATE FROM SUBJECT)]", "[1.2]", "[1.2.MIME]", "[TEXT]", "[]", "[2.TEXT]", "[HEADER.FIELDS ()]",
        "[MIME]", "[HEADER.FIELDS (DATE FROM SUBJECT)", "[HEADER.FIELDS(DATE)]", "[0]",
    ]

    /// The events of `responses` parsed one after another by one parser, up to the first error
    /// (given as its description).
    static func events(_ responses: [String]) -> ([ResponseEvent], String?) {
        var parser = ResponseParser()
        var events: [ResponseEvent] = []
        for response in responses {
            parser.append(Array(response.utf8))
            do {
                while let event = try parser.next() { events.append(event.detached) }
            } catch {
                return (events, "\(error)")
            }
        }
        return (events, nil)
    }

    @Test func aRunOfAnswersReadsAsEachAnswerAlone() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var sectionsRead = 0
        for _ in 0 ..< 400 {
            var responses: [String] = []
            for number in 1 ... 1 + next(12) {
                // Mostly the same section, as in a sync; sometimes another one, or two in one answer.
                var items = "UID \(number)"
                for _ in 0 ..< 1 + next(2) {
                    let section = next(3) == 0 ? Self.sections[next(Self.sections.count)] : Self.sections[0]
                    items += " BODY\(section) {3}\r\nabc"
                }
                responses.append("* \(number) FETCH (\(items))\r\n")
            }
            let together = Self.events(responses)
            var alone: [ResponseEvent] = []
            var failure: String?
            for response in responses where failure == nil {
                let (events, error) = Self.events([response])
                alone += events
                failure = error
            }
            #expect(together.0 == alone)
            #expect(together.1 == failure)
            sectionsRead += together.0.filter { if case .bodyBegin = $0 { true } else { false } }.count
        }
        #expect(sectionsRead > 1000)
    }

    @Test func equalSectionsHashAlikeAndDifferentOnesStayApart() {
        let a = SectionSpecifier.headerFields(["date", "From"])
        let b = SectionSpecifier(kind: .headerFields(["DATE", "FROM"]))
        #expect(a == b && a.hashValue == b.hashValue)
        var sections: [BodySection: Int] = [:]
        let all = [a, .headerFields(["DATE", "TO"]), SectionSpecifier(kind: .headerFieldsNot(["DATE", "FROM"])),
                   SectionSpecifier(part: [1], kind: .headerFields(["DATE", "FROM"])), .header, .text, .complete,
                   SectionSpecifier(part: [1, 2], kind: .mime)]
        for (index, section) in all.enumerated() { sections[BodySection(.body, section)] = index }
        sections[BodySection(.binary, .complete)] = 99
        #expect(sections.count == all.count + 1)
        for (index, section) in all.enumerated() { #expect(sections[BodySection(.body, section)] == index) }
        #expect(sections[BodySection(.body, b)] == 0)
    }
}

extension ResponseEvent {
    /// The event with its body bytes copied out of the parser's buffer.
    var detached: ResponseEvent {
        if case .bodyBytes(let bytes) = self { return .bodyBytes(ArraySlice(Array(bytes))) }
        return self
    }
}
