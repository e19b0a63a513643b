import Foundation

/// Turns the CRLF line endings of mail on the wire (RFC 5322 §2.1, RFC 1939 §3) into the LF
/// endings of a Maildir file, chunk by chunk, as a message streams in.
///
/// Only a CR directly before an LF is dropped; a lone CR is kept. A CR at the end of one chunk
/// is held until the next chunk (or ``finish(into:)``) says whether an LF follows, so the output
/// is the same however the input is split. Linear in the input; no byte is copied twice.
///
/// ```
/// var converter = LineEndingConverter()
/// var out: [UInt8] = []
/// converter.convert(Array("a\r".utf8)[...], into: &out)   // out == "a"
/// converter.convert(Array("\nb".utf8)[...], into: &out)   // out == "a\nb"
/// converter.finish(into: &out)
/// ```
public struct LineEndingConverter: Sendable {
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    /// True when the last chunk ended with a CR not yet written.
    private var heldCR = false
    /// The number of CRs dropped so far.
    public private(set) var droppedCount = 0

    /// A converter at the start of a message.
    public init() {}

    /// Appends `chunk` to `output` with every CRLF turned into LF.
    public mutating func convert(_ chunk: ArraySlice<UInt8>, into output: inout [UInt8]) {
        guard !chunk.isEmpty else { return }
        chunk.withUnsafeBufferPointer { input in
            var start = 0
            if heldCR {
                heldCR = false
                if input[0] == Self.lf { droppedCount += 1 } else { output.append(Self.cr) }
            }
            let count = input.count
            guard let base = input.baseAddress else { return }
            var index = 0
            while index < count {
                // memchr finds the next CR far faster than a byte loop.
                guard let found = memchr(base + index, Int32(Self.cr), count - index) else { break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 1 == count {
                    // Keep the CR back until we know what follows it.
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
                    heldCR = true
                    return
                }
                if input[index + 1] == Self.lf {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
                    droppedCount += 1
                    start = index + 1
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<count]))
        }
    }

    /// Writes a CR still held back (the message ended with a lone CR).
    public mutating func finish(into output: inout [UInt8]) {
        if heldCR {
            output.append(Self.cr)
            heldCR = false
        }
    }
}
