/// How a command may write strings for this server and session.
public struct EncodingOptions: Sendable, Equatable {
    /// Which literals the server accepts without a continuation request.
    public enum Literals: Sendable, Equatable {
        /// Only synchronising literals (`{n}`): the client waits for `+` before the bytes.
        case synchronizing
        /// LITERAL+ (RFC 7888): every literal may be non-synchronising (`{n+}`).
        case nonSynchronizing
        /// LITERAL- (RFC 7888): non-synchronising literals of at most 4096 bytes.
        case nonSynchronizingUpTo4096
    }

    /// Which literals the server accepts without a continuation request.
    public var literals: Literals
    /// True once `UTF8=ACCEPT` is enabled (RFC 6855): mailbox names and quoted strings are
    /// UTF-8; without it, mailbox names are modified UTF-7 and non-ASCII strings are literals.
    public var utf8: Bool
    /// True when the server offers BINARY (RFC 3516): APPEND may send `~{n}` literals.
    public var binary: Bool

    /// Options; by default synchronising literals only, ASCII only.
    public init(literals: Literals = .synchronizing, utf8: Bool = false, binary: Bool = false) {
        self.literals = literals
        self.utf8 = utf8
        self.binary = binary
    }

    /// The options for a server with these capabilities and enabled extensions.
    public init(capabilities: Set<Capability>, enabled: Set<Capability>) {
        if capabilities.contains(.literalPlus) {
            literals = .nonSynchronizing
        } else if capabilities.contains(.literalMinus) || capabilities.contains(.imap4rev2) {
            // IMAP4rev2 includes LITERAL- (RFC 9051 §7.2.2).
            literals = .nonSynchronizingUpTo4096
        } else {
            literals = .synchronizing
        }
        utf8 = enabled.contains(.utf8Accept) || enabled.contains(.imap4rev2)
        binary = capabilities.contains(.binary)
    }
}

/// A command being written: its bytes cut into chunks at every synchronising literal, and its
/// trace form with secrets and literal contents left out.
///
/// ```
/// C: A3 LOGIN {5}
/// S: + go ahead
/// C: alic√ "secret"
/// ```
/// gives two chunks, the first ending after `{5}\r\n` (the client then waits for `+`).
public struct CommandBuffer: Sendable {
    /// The options strings are written with.
    public let options: EncodingOptions
    private(set) var chunks: [CommandChunk] = []
    private var bytes: [UInt8] = []
    private var trace: [UInt8] = []

    /// An empty buffer.
    public init(options: EncodingOptions) {
        self.options = options
        bytes.reserveCapacity(64)
    }

    /// The command's chunks and trace text; the buffer is done.
    public consuming func finish() -> (chunks: [CommandChunk], traceText: String) {
        if !bytes.isEmpty { chunks.append(CommandChunk(bytes: bytes, waitsForContinuation: false)) }
        while trace.last == ASCII.lf || trace.last == ASCII.cr { trace.removeLast() }
        return (chunks, String(decoding: trace, as: UTF8.self))
    }

    // MARK: - Raw writing

    /// Writes protocol text as it is (keywords, punctuation).
    public mutating func write(_ text: StaticString) {
        let pointer = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        bytes.append(contentsOf: pointer)
        trace.append(contentsOf: pointer)
    }

    /// Writes protocol bytes as they are (already validated by the caller).
    public mutating func write(bytes value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
        trace.append(contentsOf: value)
    }

    /// Writes a decimal number.
    public mutating func write(number: some BinaryInteger) {
        write(bytes: Array(String(number).utf8))
    }

    /// Writes bytes that the trace shows as `****`.
    mutating func writeHidden(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
        trace.append(contentsOf: Array("****".utf8))
    }

    /// Writes one space.
    public mutating func writeSpace() {
        bytes.append(ASCII.space)
        trace.append(ASCII.space)
    }

    /// Writes CRLF.
    public mutating func writeCRLF() {
        write("\r\n")
    }

    // MARK: - Strings

    // astring = 1*ASTRING-CHAR / string
    /// Writes an astring: as an atom when every byte allows it, else as a string.
    ///
    /// - Parameters:
    ///   - value: The bytes.
    ///   - secret: When true, the trace shows `****` instead.
    public mutating func write(astring value: some Collection<UInt8>, secret: Bool = false) {
        if !value.isEmpty, value.count <= 1024, value.allSatisfy(ASCII.isAStringChar), value.allSatisfy({ $0 < 0x80 }),
           !Self.isNIL(value) {
            bytes.append(contentsOf: value)
            if secret { trace.append(contentsOf: Array("****".utf8)) } else { trace.append(contentsOf: value) }
            return
        }
        write(string: value, secret: secret)
    }

    // string = quoted / literal
    /// Writes a string: quoted when it is short and safe to quote (no CR, LF or NUL; ASCII
    /// unless UTF-8 is enabled), else as a literal.
    public mutating func write(string value: some Collection<UInt8>, secret: Bool = false) {
        if value.count <= 1024, value.allSatisfy({ byte in
            byte != 0 && byte != ASCII.cr && byte != ASCII.lf && (byte < 0x80 || options.utf8)
        }) {
            bytes.append(ASCII.quote)
            trace.append(ASCII.quote)
            if secret { trace.append(contentsOf: Array("****".utf8)) }
            for byte in value {
                if byte == ASCII.quote || byte == ASCII.backslash {
                    bytes.append(ASCII.backslash)
                    if !secret { trace.append(ASCII.backslash) }
                }
                bytes.append(byte)
                if !secret { trace.append(byte) }
            }
            bytes.append(ASCII.quote)
            trace.append(ASCII.quote)
            return
        }
        write(literal: value, secret: secret)
    }

    // literal = "{" number64 ["+"] "}" CRLF *CHAR8
    // literal8 = "~{" number64 "}" CRLF *OCTET
    /// Writes a literal: non-synchronising when the server allows it for this size, else
    /// synchronising (the chunk ends and the client waits for `+`).
    ///
    /// - Parameters:
    ///   - value: The bytes.
    ///   - binary: Write a `literal8` (`~{n}`, RFC 3516), which may hold NUL bytes.
    ///   - secret: When true, the trace shows `****` instead of the size and bytes.
    public mutating func write(literal value: some Collection<UInt8>, binary: Bool = false, secret: Bool = false) {
        let count = value.count
        let nonSynchronizing: Bool
        switch options.literals {
        case .synchronizing: nonSynchronizing = false
        case .nonSynchronizing: nonSynchronizing = true
        case .nonSynchronizingUpTo4096: nonSynchronizing = count <= 4096
        }
        let marker = (binary ? "~{" : "{") + String(count) + (nonSynchronizing ? "+}" : "}") + "\r\n"
        bytes.append(contentsOf: Array(marker.utf8))
        if secret {
            trace.append(contentsOf: Array("****".utf8))
        } else {
            trace.append(contentsOf: Array(marker.utf8.dropLast(2)))
        }
        if !nonSynchronizing {
            chunks.append(CommandChunk(bytes: bytes, waitsForContinuation: true))
            bytes = []
        }
        bytes.append(contentsOf: value)
        if !secret {
            if count <= 200, value.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                trace.append(ASCII.space)
                trace.append(contentsOf: value)
            } else {
                trace.append(contentsOf: Array(" [\(count) bytes]".utf8))
            }
        }
    }

    /// True for the bytes `NIL` in any case (which must not be sent as an atom for a string).
    private static func isNIL(_ value: some Collection<UInt8>) -> Bool {
        guard value.count == 3 else { return false }
        let upper = value.map(ASCII.upper)
        return upper == [0x4E, 0x49, 0x4C]
    }
}

/// A part of a command sent in one write. Each chunk but the last ends with a synchronising
/// literal's announcement; the next chunk may be sent only after the server's `+`.
public struct CommandChunk: Sendable, Hashable {
    /// The bytes.
    public var bytes: [UInt8]
    /// True when the client must wait for a continuation request after sending this chunk.
    public var waitsForContinuation: Bool

    /// A chunk from its parts.
    public init(bytes: [UInt8], waitsForContinuation: Bool) {
        self.bytes = bytes
        self.waitsForContinuation = waitsForContinuation
    }
}
