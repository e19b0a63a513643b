import Foundation

/// A parsed message (RFC 5322 + MIME): the buffer, the part tree over it, and accessors.
///
/// Parsing never fails and never copies content: parts are byte ranges of ``bytes``, decoded
/// when asked. Everything malformed is described in ``notes``.
public struct Message: Sendable {
    /// The whole message as received.
    public let bytes: [UInt8]
    /// The root entity: the message header and its body.
    public let root: MIMEPart

    /// Parses a message.
    ///
    /// - Parameters:
    ///   - bytes: The message (CRLF or LF line ends).
    ///   - limits: Nesting, part-count and header-size limits.
    ///   - fallback: The charset for undeclared 8-bit header bytes that are not UTF-8.
    public init(bytes: [UInt8], limits: ParseLimits = .standard, fallback: String = CharsetDecoder.defaultFallback) {
        self.bytes = bytes
        self.root = MIMEParser.parse(bytes, limits: limits, fallback: fallback)
    }

    /// Parses a message from a string (UTF-8).
    public init(_ text: String, limits: ParseLimits = .standard) {
        self.init(bytes: Array(text.utf8), limits: limits)
    }

    /// The message header.
    public var header: HeaderSection { root.header }

    /// The envelope fields, decoded.
    public var envelope: Envelope { Envelope(header: root.header) }

    /// Every note of the message, embedded messages included, in document order.
    public var notes: [ParseNote] { root.allNotes }

    /// The part with an IMAP section number (RFC 3501 §6.4.5): `1`, `1.2`, `3.1` ... For a
    /// message that is not multipart, `1` is the body. Inside a `message/rfc822` part, numbers
    /// continue into the embedded message's body. Nil when there is no such part.
    public func part(number: String) -> MIMEPart? {
        let components = number.split(separator: ".")
        guard !components.isEmpty else { return nil }
        var current = root
        // A single-part body may be numbered 1 only as a message's body (the top level or an
        // embedded message).
        var isMessageBody = true
        for c in components {
            guard let index = Int(c), index >= 1 else { return nil }
            // Step into an embedded message's body before numbering its children.
            if case .message(let inner) = current.body {
                current = inner
                isMessageBody = true
            }
            switch current.body {
            case .multipart(let parts, _, _):
                guard index <= parts.count else { return nil }
                current = parts[index - 1]
                isMessageBody = false
            case .single, .message:
                guard index == 1, isMessageBody else { return nil }
                isMessageBody = false
            }
        }
        return current
    }

    /// The IMAP section numbers of every part, in document order, with the part. The root of a
    /// multipart message has no number and is not listed; a single-part message lists its body as `1`.
    public var numberedParts: [(number: String, part: MIMEPart)] {
        var out: [(String, MIMEPart)] = []
        func walk(_ part: MIMEPart, prefix: String) {
            var container = part
            if case .message(let inner) = part.body { container = inner }
            switch container.body {
            case .multipart(let parts, _, _):
                for (i, child) in parts.enumerated() {
                    let number = prefix.isEmpty ? "\(i + 1)" : "\(prefix).\(i + 1)"
                    out.append((number, child))
                    walk(child, prefix: number)
                }
            case .single, .message:
                if part.embeddedMessage != nil {
                    let number = prefix.isEmpty ? "1" : "\(prefix).1"
                    out.append((number, container))
                }
            }
        }
        if root.isLeaf {
            out.append(("1", root))
        } else if case .message = root.body {
            out.append(("1", root))
            walk(root, prefix: "1")
        } else {
            walk(root, prefix: "")
        }
        return out
    }
}
