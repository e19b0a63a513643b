import Foundation
import MailCore
@testable import MailStore
import Testing
@testable import MailEngine

/// Counts what a reader reads, around the system reader.
final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var headerBytes = 0
    private var whole = 0

    var reader: MessageFileReader {
        MessageFileReader(
            readHeader: { path in
                let chunk = try MessageFileReader.standard.readHeader(path)
                self.lock.lock()
                self.headerBytes += chunk.bytes.count
                self.lock.unlock()
                return chunk
            },
            readAll: { path in
                self.lock.lock()
                self.whole += 1
                self.lock.unlock()
                return try MessageFileReader.standard.readAll(path)
            })
    }

    var bytesRead: Int { lock.lock(); defer { lock.unlock() }; return headerBytes }
    var wholeReads: Int { lock.lock(); defer { lock.unlock() }; return whole }
}

@Suite struct HeaderOnlyScanTests {
    @Test func aFiftyMegabyteMessageIsNotReadWholeDuringAScan() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let boundary = "b0undary"
        var big = Array(("From: Ann <ann@example.org>\r\nSubject: Holiday photos\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--\(boundary)\r\nContent-Type: image/jpeg; name=\"a.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").utf8)
        let line = Array(String(repeating: "QUJD", count: 19).utf8) + [13, 10]
        big.reserveCapacity(50 * 1024 * 1024 + 1024)
        while big.count < 50 * 1024 * 1024 { big.append(contentsOf: line) }
        big.append(contentsOf: Array("--\(boundary)--\r\n".utf8))
        try tree.store.maildir(for: .inbox).deliver(big)
        try tree.deliver("Small one")
        let counter = ReadCounter()
        let backend = try tree.backend(reader: counter.reader)
        let clock = ContinuousClock()
        var report = SyncReport(folder: .inbox)
        let elapsed = try await clock.measure { report = try await backend.sync(.inbox) }
        print("scan of a 50 MB message and a small one: \(elapsed), \(counter.bytesRead) bytes read")
        #expect(report.added == 2)
        #expect(counter.wholeReads == 0)
        #expect(counter.bytesRead < 64 * 1024, "the scan read \(counter.bytesRead) bytes")
        let page = try await backend.summaries(in: .inbox, order: SortOrder(key: .size, descending: true), range: 0 ..< 1, filter: nil)
        #expect(page.first?.envelope.subject == "Holiday photos")
        #expect(page.first?.size == big.count)
        #expect(page.first?.hasAttachments == true)
    }

    @Test func theSystemReaderStopsAtTheEndOfTheHeader() throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let longHeader = (0 ..< 600).map { "X-Long-\($0): \(String(repeating: "v", count: 40))\r\n" }.joined()
        let text = "Subject: long\r\n" + longHeader + "\r\n" + String(repeating: "body line\r\n", count: 200_000)
        let message = try tree.store.maildir(for: .inbox).deliver(Array(text.utf8))
        let chunk = try MessageFileReader.system(chunkSize: 4096).readHeader(message.url.path)
        let headerLength = text.utf8.count - 200_000 * 11
        #expect(chunk.bodyStart == headerLength)
        #expect(chunk.bytes.count < headerLength * 2 + 4096)
        #expect(!chunk.isComplete)
        #expect(chunk.fileSize == text.utf8.count)
    }

    @Test(arguments: [
        ("A: b\n\nbody", 6), ("A: b\r\n\r\nbody", 8), ("\nbody", 1), ("\r\nbody", 2), ("A: b\nC: d\n", nil), ("A: b\r\n \r\n\r\nx", 11),
    ] as [(String, Int?)])
    func headerEndIsFound(text: String, end: Int?) {
        #expect(FileBytes.headerEnd(Array(text.utf8), from: 0) == end)
    }

    @Test(arguments: [
        ("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n", true),
        ("Content-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n", false),
        ("Content-Type: application/pdf\r\n\r\nJVBERi0x", true),
        ("Content-Type: text/plain\r\n\r\nhello", false),
    ])
    func attachmentsAreGuessedForTruncatedMessages(header: String, expected: Bool) {
        let bytes = Array(header.utf8)
        let chunk = HeaderChunk(bytes: bytes, bodyStart: nil, fileSize: bytes.count + 100_000, modified: nil)
        let entry = CachedMessage(chunk: chunk, flags: [], maildirFile: "new/x")
        #expect(entry.hasAttachments == expected)
        #expect(!entry.hasAttachmentsIsExact)
    }

    @Test func aGuessIsCorrectedWhenTheMessageIsOpened() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let filler = String(repeating: "Lorem ipsum dolor sit amet.\r\n", count: 2000)
        let text = "Subject: mixed but text only\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n"
            + "--q\r\nContent-Type: text/plain\r\n\r\n\(filler)--q\r\nContent-Type: text/plain\r\n\r\nfooter\r\n--q--\r\n"
        try tree.store.maildir(for: .inbox).deliver(Array(text.utf8))
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        let before = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 1, filter: nil)
        #expect(before.first?.hasAttachments == true)
        _ = try await backend.messageBytes(try #require(before.first?.uid), in: .inbox)
        let after = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 1, filter: nil)
        #expect(after.first?.hasAttachments == false)
    }
}
