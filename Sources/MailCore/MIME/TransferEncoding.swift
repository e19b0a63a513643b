/// A `Content-Transfer-Encoding` (RFC 2045 §6).
public enum TransferEncoding: Sendable, Hashable {
    /// `7bit` (also the default).
    case sevenBit
    /// `8bit`.
    case eightBit
    /// `binary`.
    case binary
    /// `base64`.
    case base64
    /// `quoted-printable`.
    case quotedPrintable
    /// `x-uuencode` and its aliases.
    case uuencode
    /// Any other value, lower-cased; its bytes are passed through undecoded.
    case other(String)

    /// The encoding named by a field value (case-insensitive, white space and comments ignored).
    public init(_ value: String) {
        var v = value.lowercased().trimmingSpaces()
        if let paren = v.firstIndex(of: "(") { v = String(v[..<paren]).trimmingSpaces() }
        v = v.filter { $0 != "\"" }
        switch v {
        case "", "7bit", "7-bit": self = .sevenBit
        case "8bit", "8-bit": self = .eightBit
        case "binary": self = .binary
        case "base64", "base-64", "x-base64": self = .base64
        case "quoted-printable", "quotedprintable", "qp", "x-quoted-printable": self = .quotedPrintable
        case "x-uuencode", "uuencode", "x-uue", "uue": self = .uuencode
        default: self = .other(v)
        }
    }

    /// The name as written in a header (`base64`, `quoted-printable`, ...).
    public var name: String {
        switch self {
        case .sevenBit: "7bit"
        case .eightBit: "8bit"
        case .binary: "binary"
        case .base64: "base64"
        case .quotedPrintable: "quoted-printable"
        case .uuencode: "x-uuencode"
        case .other(let v): v
        }
    }

    /// True for the encodings that leave bytes as they are.
    public var isIdentity: Bool {
        switch self {
        case .sevenBit, .eightBit, .binary, .other: true
        default: false
        }
    }

    /// Decodes a body.
    ///
    /// - Parameter body: The encoded body bytes.
    /// - Returns: The decoded bytes (the input as it is for identity and unknown encodings).
    public func decode(_ body: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        switch self {
        case .base64: Base64.decode(body)
        case .quotedPrintable: QuotedPrintable.decode(body)
        case .uuencode: UUEncoding.decodeBody(body)
        default: Array(body)
        }
    }
}
