/// A continuation request: `+` and text or base64 data (RFC 9051 §7.5): the server is ready for
/// a literal's bytes, an AUTHENTICATE response, or is idling.
///
/// ```
/// S: + Ready for literal data
/// ```
public struct ContinuationRequest: Hashable, Sendable {
    /// The bytes after `+ ` (a SASL challenge in base64, or text).
    public var data: [UInt8]

    /// A request from its data.
    public init(data: [UInt8]) {
        self.data = data
    }

    /// The data as text.
    public var text: String { String(decoding: data, as: UTF8.self) }
}
