import Foundation
@testable import IMAP
import TernTestSupport
import Testing

/// BODYSTRUCTURE answers as Dovecot, Gmail, Exchange and Cyrus send them (written from RFC 3501
/// and RFC 9051 and from transcripts published in public bug reports), oddities included.
@Suite struct BodyStructureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/transcripts/\(name)", withExtension: "txt"))
        return Array(try Data(contentsOf: url))
    }

    /// Every body structure of a transcript, in order.
    static func structures(_ name: String) throws -> [BodyStructure] {
        var out: [BodyStructure] = []
        for event in try parseEvents([try fixture(name)]) {
            if case .fetchAttribute(.bodyStructure(let body, _)) = event { out.append(body) }
        }
        return out
    }

    @Test(arguments: ["bodystructure-dovecot", "bodystructure-gmail", "bodystructure-exchange", "bodystructure-cyrus"])
    func everyTranscriptParsesHoweverItIsSplit(_ name: String) throws {
        let input = try Self.fixture(name)
        let whole = try parseEvents([input])
        let fetches = whole.filter { $0 == .fetchEnd }.count
        #expect(fetches >= 4)
        #expect(try Self.structures(name).count == fetches)
        guard case .tagged(let done)? = whole.last else {
            Issue.record("the transcript must end with its tagged answer")
            return
        }
        #expect(done.status == .ok)
        for split in ByteSplits.all(input, seeds: [11]) {
            #expect(try parseEvents(split.chunks) == whole, "split \(split)")
        }
    }

    @Test func dovecot() throws {
        let bodies = try Self.structures("bodystructure-dovecot")
        #expect(bodies[0].mimeType == "multipart/alternative")
        #expect(bodies[0].parts.map(\.mimeType) == ["text/plain", "text/html"])
        #expect(bodies[0].parameter("BOUNDARY") == "b1")
        #expect(!bodies[0].hasAttachments)
        #expect(bodies[1].hasAttachments)
        #expect(bodies[1].part(at: [2])?.fileName == "report.pdf")
        #expect(bodies[1].part(at: [2])?.disposition == BodyDisposition(kind: "attachment", parameters: [
            BodyParameter(name: "filename", value: "report.pdf"), BodyParameter(name: "size", value: "74829"),
        ]))
        #expect(bodies[2].isMessage)
        #expect(bodies[2].envelope?.subject == Array("inner".utf8))
        #expect(bodies[2].part(at: [1])?.mimeType == "text/plain")
        #expect(bodies[2].lineCount == 12)
        let forwarded = bodies[3]
        #expect(forwarded.part(at: [2])?.envelope?.subject == Array("Fwd: \"hi\" x".utf8))
        #expect(forwarded.part(at: [2, 2])?.mimeType == "image/jpeg")
        #expect(forwarded.part(at: [2, 2])?.disposition?.kind == "inline")
        var paths: [[Int]] = []
        forwarded.forEachPart { path, _ in paths.append(path) }
        #expect(paths == [[], [1], [2], [2, 1], [2, 2]])
    }

    @Test func gmail() throws {
        let bodies = try Self.structures("bodystructure-gmail")
        #expect(bodies[0].parts.map(\.mimeType) == ["text/plain", "text/html"])
        #expect(bodies[0].parts[0].lineCount == 33)
        #expect(bodies[1].part(at: [1, 2])?.mimeType == "text/html")
        #expect(bodies[1].part(at: [2])?.id == "<ii_abc>")
        #expect(bodies[1].hasAttachments)
        // The empty multipart Gmail sends as ("ALTERNATIVE") inside a message/rfc822.
        let report = bodies[2]
        #expect(report.mimeType == "multipart/report")
        #expect(report.parts.count == 3)
        #expect(report.parts[1].mimeType == "message/delivery-status")
        #expect(report.parts[2].isMessage)
        #expect(report.parts[2].parts.first == BodyStructure(mediaType: "multipart", mediaSubtype: "alternative",
                                                              isMultipart: true))
        #expect(report.parts[2].lineCount == 51)
        #expect(bodies[3].parameter("delsp") == "yes")
    }

    @Test func exchange() throws {
        let bodies = try Self.structures("bodystructure-exchange")
        // A disposition sent as a bare string.
        #expect(bodies[0].parts[0].disposition == BodyDisposition(kind: "inline"))
        #expect(bodies[0].parts[0].lineCount == 31)
        #expect(bodies[1].parts[0].size == 0)
        #expect(bodies[1].part(at: [2])?.fileName == "price.zip")
        #expect(bodies[2].disposition?.kind == "inline")
        // Empty parameter lists as ().
        #expect(bodies[3].parameters.isEmpty)
        #expect(bodies[3].parts[1].disposition == BodyDisposition(kind: "attachment"))
        #expect(bodies[3].hasAttachments)
        // A multipart inside a message/rfc822 with NIL instead of its children.
        let inner = try #require(bodies[4].part(at: [3]))
        #expect(inner.isMessage)
        #expect(inner.parts.first?.mimeType == "multipart/alternative")
        #expect(inner.parts.first?.parameter("boundary") == "Apple-Mail=_352F")
        #expect(inner.envelope?.mailEnvelope().to.first?.name == "Justyna")
        // A text part without its line count.
        #expect(bodies[5].mimeType == "text/html" && bodies[5].size == 1500 && bodies[5].lineCount == nil)
    }

    @Test func cyrus() throws {
        let bodies = try Self.structures("bodystructure-cyrus")
        let first = bodies[0]
        #expect(first.parts[0].languages == ["en", "de"])
        #expect(first.parts[0].location == "http://example.com/a")
        #expect(first.parts[1].md5 == "Q2hlY2sgSW50ZWdyaXR5IQ==")
        #expect(first.parts[1].contentDescription == "The report")
        #expect(first.parts[1].languages == ["en"])
        #expect(first.disposition == BodyDisposition(kind: "INLINE"))
        #expect(first.location == "loc")
        #expect(bodies[2].parts[1].fileName == "cc.diff")
        #expect(bodies[2].parts[1].lineCount == 73)
        #expect(bodies[3].mimeType == "message/global")
        #expect(bodies[3].envelope?.mailEnvelope().subject == "Grüße")
        #expect(bodies[3].envelope?.mailEnvelope().from.first?.name == "Jörg")
        #expect(bodies[4].part(at: [1, 2])?.mimeType == "multipart/x-zip")
    }

    static let lenient: [(String, String)] = [
        ("(\"text\" \"plain\" NIL NIL NIL NIL \"12\")", "text/plain"),
        ("(\"text\" \"plain\" NIL NIL NIL \"7bit\" -1 -1)", "text/plain"),
        ("(\"TEXT\" NIL NIL NIL NIL \"7bit\" 5 1)", "text/"),
        ("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 5 1) (\"text\" \"html\" NIL NIL NIL \"7bit\" 5 1) \"alternative\")",
         "multipart/alternative"),
        ("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 5 1)\"mixed\")", "multipart/mixed"),
        ("(\"image\" \"gif\" (\"name\") NIL NIL \"base64\" 5)", "image/gif"),
        ("(\"image\" \"gif\" (\"name\" NIL) NIL NIL \"base64\" 5 NIL (\"attachment\") NIL NIL)", "image/gif"),
        ("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 5 1 NIL NIL NIL NIL (1 (2 \"x\") NIL) \"more\")", "text/plain"),
        ("(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 2942)", "message/rfc822"),
    ]

    @Test(arguments: lenient)
    func acceptsWhatServersGetWrong(_ structure: String, _ mimeType: String) throws {
        #expect(try parseBodyStructure(structure).mimeType == mimeType)
    }
}
