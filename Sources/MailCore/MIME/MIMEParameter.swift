/// One parameter of a `Content-Type` or `Content-Disposition` field, decoded.
public struct MIMEParameter: Sendable, Hashable, Codable {
    /// The attribute name in lower case, without RFC 2231 section or encoding markers.
    public var name: String
    /// The value with quotes removed, RFC 2231 sections joined and decoded, RFC 2047 words decoded,
    /// control characters replaced (see ``TextSanitizer/headerText(_:)``).
    public var value: String

    /// A parameter from its name and value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
