import CZlib
import NIOCore

/// One direction of a raw DEFLATE stream (RFC 1951: no zlib or gzip wrapper, as RFC 4978 §3
/// asks): the compressor for what we send, or the decompressor for what the server sends.
///
/// The `z_stream` lives at a fixed address for the stream's life (zlib keeps a pointer back to
/// it). Not thread-safe: it belongs to one channel's event loop.
final class DeflateStream {
    /// Which way the bytes go.
    enum Direction {
        /// Our bytes, compressed before they are sent.
        case compress
        /// The server's bytes, decompressed after they arrive.
        case decompress
    }

    /// Why the stream cannot go on.
    enum Failure: Error, Equatable {
        /// zlib could not start (out of memory, a version mismatch).
        case setup(String)
        /// The input is not valid DEFLATE data (zlib's message).
        case corrupt(String)
        /// The server ended its stream; RFC 4978 §4 has compression last until the connection
        /// ends, so nothing may follow.
        case ended
    }

    let direction: Direction
    private let stream: UnsafeMutablePointer<z_stream>
    private var finished = false
    /// Bytes taken in and given out so far (for the trace).
    private(set) var totalIn = 0
    private(set) var totalOut = 0

    /// A new stream.
    /// - Parameter level: The compression level (0-9) of a compressor; 6 is zlib's default.
    /// - Throws: ``Failure/setup(_:)`` when zlib cannot start.
    init(_ direction: Direction, level: Int32 = 6) throws(Failure) {
        self.direction = direction
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let size = Int32(MemoryLayout<z_stream>.size)
        // Window bits -15: a raw DEFLATE stream with the largest window (RFC 4978 §3).
        let result = switch direction {
        case .compress: deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), size)
        case .decompress: inflateInit2_(stream, -15, zlibVersion(), size)
        }
        guard result == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .setup("zlib could not start (code \(result))")
        }
    }

    deinit {
        switch direction {
        case .compress: deflateEnd(stream)
        case .decompress: inflateEnd(stream)
        }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `input` and flushes (Z_SYNC_FLUSH), so the server can decompress everything
    /// sent so far: RFC 4978 §4 asks for a flush at the end of every command.
    ///
    /// - Returns: The compressed bytes.
    func compress(_ input: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        precondition(direction == .compress, "DeflateStream: compress on a decompressor")
        var output = allocator.buffer(capacity: Int(deflateBound(stream, uLong(input.readableBytes))) + 16)
        var remaining = input
        repeat {
            var result: Int32 = Z_OK
            var outputFull = false
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: 64) { out in
                _ = remaining.readWithUnsafeReadableBytes { inp in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: inp.bindMemory(to: Bytef.self).baseAddress)
                    stream.pointee.avail_in = uInt(inp.count)
                    stream.pointee.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    result = deflate(stream, Z_SYNC_FLUSH)
                    outputFull = stream.pointee.avail_out == 0
                    return inp.count - Int(stream.pointee.avail_in)
                }
                return out.count - Int(stream.pointee.avail_out)
            }
            // Z_BUF_ERROR: no progress possible (everything was already flushed); not an error.
            precondition(result == Z_OK || result == Z_BUF_ERROR, "DeflateStream: deflate failed (\(result))")
            if remaining.readableBytes == 0 && !outputFull { break }
        } while true
        totalIn += input.readableBytes
        totalOut += output.readableBytes
        return output
    }

    /// Decompresses from the front of `input` until `limit` bytes came out or the input is used
    /// up; what zlib took is removed from `input`.
    ///
    /// - Returns: The bytes that came out (possibly none: the input ended inside a block), and
    ///   whether more may come out of the same input (call again before reading more).
    /// - Throws: ``Failure/corrupt(_:)`` for data that is not DEFLATE, ``Failure/ended`` for a
    ///   stream that ended (or anything after its end).
    func decompress(_ input: inout ByteBuffer, limit: Int, allocator: ByteBufferAllocator)
        throws(Failure) -> (bytes: ByteBuffer, more: Bool) {
        precondition(direction == .decompress, "DeflateStream: decompress on a compressor")
        if finished { throw .ended }
        var output = allocator.buffer(capacity: limit)
        var result: Int32 = Z_OK
        var outputFull = false
        let taken = input.readableBytes
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: limit) { out in
            _ = input.readWithUnsafeReadableBytes { inp in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inp.bindMemory(to: Bytef.self).baseAddress)
                stream.pointee.avail_in = uInt(inp.count)
                stream.pointee.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.pointee.avail_out = uInt(min(out.count, limit))
                result = inflate(stream, Z_SYNC_FLUSH)
                outputFull = stream.pointee.avail_out == 0
                return inp.count - Int(stream.pointee.avail_in)
            }
            return min(out.count, limit) - Int(stream.pointee.avail_out)
        }
        totalIn += taken - input.readableBytes
        totalOut += output.readableBytes
        switch result {
        case Z_OK, Z_BUF_ERROR:
            return (output, outputFull || input.readableBytes > 0)
        case Z_STREAM_END:
            finished = true
            throw .ended
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib code \(result)"
            throw .corrupt(message)
        }
    }
}
