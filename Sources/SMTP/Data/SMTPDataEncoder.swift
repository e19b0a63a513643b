/// Encodes message text for the DATA phase (RFC 5321 §4.5.2, §2.3.8): every line end becomes
/// CRLF (a bare LF or a bare CR too), a line that starts with `.` gets a second one (dot-stuffing),
/// and ``finish(into:)`` writes the `.` line that ends the data, after a CRLF if the text did not
/// end with one.
///
/// ```
/// text:  "Hi\n.hidden\nBye"
/// wire:  "Hi\r\n..hidden\r\nBye\r\n.\r\n"
/// ```
///
/// The encoder is streaming: feed the message in chunks of any size, split anywhere (between a CR
/// and its LF too), and the output is the same as for the whole message at once. It runs in one
/// pass and copies runs of ordinary bytes in bulk.
public struct SMTPDataEncoder: Sendable {
    private var atLineStart = true
    /// The last byte seen was a CR (already written as CRLF): an LF right after it is dropped.
    private var skipLineFeed = false
    /// Bytes fed so far.
    public private(set) var inputByteCount = 0

    /// A new encoder, at the start of a line.
    public init() {}

    /// Appends the wire form of `chunk` to `out`.
    public mutating func encode(_ chunk: some Collection<UInt8>, into out: inout [UInt8]) {
        let done: Void? = chunk.withContiguousStorageIfAvailable { encode($0, into: &out) }
        if done == nil { Array(chunk).withUnsafeBufferPointer { encode($0, into: &out) } }
    }

    /// Appends the wire form of `chunk` to `out`.
    public mutating func encode(_ chunk: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let count = chunk.count
        inputByteCount += count
        out.reserveCapacity(out.count + count + count / 32 + 8)
        var index = 0
        while index < count {
            if skipLineFeed {
                skipLineFeed = false
                if chunk[index] == 0x0A {
                    index += 1
                    continue
                }
            }
            if atLineStart {
                atLineStart = false
                if chunk[index] == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            }
            var end = index
            while end < count, chunk[end] != 0x0A, chunk[end] != 0x0D { end += 1 }
            if end > index { out.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[index..<end])) }
            guard end < count else { break }
            out.append(0x0D)
            out.append(0x0A)
            atLineStart = true
            skipLineFeed = chunk[end] == 0x0D
            index = end + 1
        }
    }

    /// Appends the end of the data: CRLF when the last line has no line end, then `.` CRLF.
    public mutating func finish(into out: inout [UInt8]) {
        if !atLineStart { out += [0x0D, 0x0A] }
        out += [UInt8(ascii: "."), 0x0D, 0x0A]
        atLineStart = true
        skipLineFeed = false
    }
}

/// What the client must know about a message before MAIL FROM: its size on the wire and whether
/// it holds 8-bit bytes (RFC 1870, RFC 6152, RFC 6531).
public struct SMTPMessageTraits: Sendable, Hashable {
    /// The size in octets with CRLF line ends, without dot-stuffing or the final `.` (the
    /// `SIZE=` value of RFC 1870 §3).
    public var size: Int
    /// True when the header section has bytes above 127 (RFC 6532 headers: SMTPUTF8 is best).
    public var hasEightBitHeader: Bool
    /// True when the message has bytes above 127 anywhere (BODY=8BITMIME is needed).
    public var hasEightBitData: Bool

    /// Traits from their values.
    public init(size: Int, hasEightBitHeader: Bool, hasEightBitData: Bool) {
        self.size = size
        self.hasEightBitHeader = hasEightBitHeader
        self.hasEightBitData = hasEightBitData
    }

    /// Scans a message once.
    public init(scanning message: some Collection<UInt8>) {
        if let traits = message.withContiguousStorageIfAvailable({ Self(scanning: $0) }) {
            self = traits
        } else {
            self = Array(message).withUnsafeBufferPointer { Self(scanning: $0) }
        }
    }

    /// Scans a message once.
    public init(scanning message: UnsafeBufferPointer<UInt8>) {
        var size = 0
        var eightBitHeader = false
        var eightBit = false
        var inHeader = true
        var lineLength = 0
        var previousCR = false
        for byte in message {
            switch byte {
            case 0x0A:
                if !previousCR {
                    size += 2
                    if inHeader, lineLength == 0 { inHeader = false }
                    lineLength = 0
                }
                previousCR = false
                continue
            case 0x0D:
                size += 2
                if inHeader, lineLength == 0 { inHeader = false }
                lineLength = 0
                previousCR = true
                continue
            default:
                size += 1
                lineLength += 1
                if byte >= 0x80 {
                    eightBit = true
                    if inHeader { eightBitHeader = true }
                }
            }
            previousCR = false
        }
        if lineLength > 0 { size += 2 }
        self.init(size: size, hasEightBitHeader: eightBitHeader, hasEightBitData: eightBit)
    }
}
