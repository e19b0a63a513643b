import NIOCore
import TernTestSupport
import Testing
@testable import Transport

/// The raw DEFLATE streams of COMPRESS=DEFLATE (RFC 4978, RFC 1951).
@Suite struct DeflateStreamTests {
    let allocator = ByteBufferAllocator()

    /// Compresses each piece with a flush, as the connection does per write.
    func compressed(_ pieces: [[UInt8]]) throws -> [UInt8] {
        let compressor = try DeflateStream(.compress)
        var out: [UInt8] = []
        for piece in pieces {
            let buffer = compressor.compress(allocator.buffer(bytes: piece), allocator: allocator)
            out += buffer.readableBytesView
        }
        return out
    }

    /// Decompresses `input` fed in the given chunks, draining each chunk completely.
    func decompressed(_ chunks: [[UInt8]], limit: Int = 64 * 1024) throws -> [UInt8] {
        let decompressor = try DeflateStream(.decompress)
        var out: [UInt8] = []
        for chunk in chunks {
            var input = allocator.buffer(bytes: chunk)
            while true {
                let (bytes, more) = try decompressor.decompress(&input, limit: limit, allocator: allocator)
                #expect(bytes.readableBytes <= limit)
                out += bytes.readableBytesView
                if !more { break }
            }
        }
        return out
    }

    static let samples: [[UInt8]] = [
        [],
        Array("A1 NOOP\r\n".utf8),
        Array(String(repeating: "* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n", count: 2000).utf8),
        (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) },  // barely compressible
    ]

    @Test(arguments: samples)
    func whatIsCompressedComesBackTheSame(sample: [UInt8]) throws {
        let bytes = try compressed([sample])
        #expect(try decompressed([bytes]) == sample)
    }

    @Test func everyWriteIsFlushedSoTheOtherSideCanReadItAtOnce() throws {
        let compressor = try DeflateStream(.compress)
        let decompressor = try DeflateStream(.decompress)
        for line in ["A1 CAPABILITY\r\n", "A2 SELECT INBOX\r\n", "A3 UID FETCH 1:* (FLAGS)\r\n"] {
            var wire = compressor.compress(allocator.buffer(string: line), allocator: allocator)
            let (bytes, _) = try decompressor.decompress(&wire, limit: 1024, allocator: allocator)
            #expect(String(buffer: bytes) == line)
        }
    }

    @Test func bytesSplitAnywhereDecompressTheSame() throws {
        let text = Array(String(repeating: "* 7 FETCH (UID 7 RFC822.SIZE 4096 FLAGS ())\r\n", count: 40).utf8)
        let bytes = try compressed([Array(text[..<500]), Array(text[500...])])
        for split in ByteSplits.all(bytes) {
            #expect(try decompressed(split.chunks) == text, "\(split)")
        }
    }

    @Test func aSmallInputThatSwellsComesOutInChunksOfTheLimit() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 5 << 20)
        let bytes = try compressed([big])
        #expect(bytes.count < 10_000)
        let decompressor = try DeflateStream(.decompress)
        var input = allocator.buffer(bytes: bytes)
        var total = 0
        var calls = 0
        while true {
            let (out, more) = try decompressor.decompress(&input, limit: 64 * 1024, allocator: allocator)
            #expect(out.readableBytes <= 64 * 1024)
            total += out.readableBytes
            calls += 1
            if !more { break }
        }
        #expect(total == big.count)
        #expect(calls >= 80)
    }

    @Test func dataThatIsNotDeflateIsAnError() throws {
        let decompressor = try DeflateStream(.decompress)
        var input = allocator.buffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: DeflateStream.Failure.self) {
            _ = try decompressor.decompress(&input, limit: 1024, allocator: allocator)
        }
        // And it stays an error.
        var more = allocator.buffer(bytes: try compressed([Array("A1 OK\r\n".utf8)]))
        #expect(throws: DeflateStream.Failure.self) {
            _ = try decompressor.decompress(&more, limit: 1024, allocator: allocator)
        }
    }

    @Test func aStreamTheServerEndsIsAnError() throws {
        // 0x03 0x00: a final, empty block with fixed codes (RFC 1951 §3.2.6).
        let decompressor = try DeflateStream(.decompress)
        var input = allocator.buffer(bytes: [0x03, 0x00])
        #expect(throws: DeflateStream.Failure.ended) {
            _ = try decompressor.decompress(&input, limit: 1024, allocator: allocator)
        }
    }
}
