import Foundation
import Testing
@testable import MailCore

enum Corpus {
    static func directory(_ kind: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/messages/\(kind)")
    }

    static func files(_ kind: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory(kind).path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
    }

    static func load(_ kind: String, _ name: String) throws -> Message {
        let data = try #require(FileManager.default.contents(atPath: directory(kind).appendingPathComponent(name).path))
        return Message(bytes: [UInt8](data))
    }
}

@Test func corpusIsPresent() {
    #expect(Corpus.files("valid").count >= 10)
    #expect(Corpus.files("malformed").count >= 15)
}

@Test(arguments: Corpus.files("valid").map { ("valid", $0) } + Corpus.files("malformed").map { ("malformed", $0) })
func everyCorpusMessageParsesInLinearTime(kind: String, name: String) throws {
    let message = try Corpus.load(kind, name)
    // Everything a viewer does with a message works.
    _ = MessageSummary(message).json()
    _ = message.envelope
    for p in message.bodyParts() { _ = p.part.text() }
    for a in message.attachments() { _ = a.part.decodedBody() }
    if kind == "valid" { #expect(message.notes.isEmpty, "\(message.notes)") }
    // Linear time: the message repeated 64 times inside a multipart parses at a rate close to
    // the single copy's (a quadratic step would take 64x longer per byte).
    var big = Array("Content-Type: multipart/mixed; boundary=corpus-outer\r\n\r\n".utf8)
    for _ in 0..<64 {
        big += Array("--corpus-outer\r\nContent-Type: message/rfc822\r\n\r\n".utf8)
        big += message.bytes
        big += [13, 10]
    }
    big += Array("--corpus-outer--\r\n".utf8)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        let m = Message(bytes: big)
        for p in m.root.allParts where p.isLeaf { _ = p.decodedBody() }
    }
    #expect(elapsed < .seconds(2), "\(name): \(elapsed) for \(big.count) bytes")
}
