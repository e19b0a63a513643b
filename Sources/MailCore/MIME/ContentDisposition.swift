/// A `Content-Disposition` value (RFC 2183).
public struct ContentDisposition: Sendable, Hashable {
    /// The disposition type in lower case: `inline`, `attachment`, or something else (which
    /// RFC 2183 §2.8 says to treat as `attachment`).
    public var type: String
    /// The parameters in order, decoded.
    public var parameters: [MIMEParameter]

    /// A disposition from its parts.
    public init(type: String, parameters: [MIMEParameter] = []) {
        self.type = type.lowercased()
        self.parameters = parameters
    }

    /// Parses a field value; nil when it has no disposition type.
    public init?(parsing bytes: [UInt8], fallback: String = CharsetDecoder.defaultFallback) {
        let result = ParameterParser.parse(bytes, fallback: fallback)
        let t = String(decoding: result.value, as: UTF8.self).lowercased()
        if t.isEmpty && result.parameters.isEmpty { return nil }
        // "filename=x" without a type: an attachment.
        self.type = t.isEmpty || t.contains("=") ? "attachment" : t
        self.parameters = result.parameters
    }

    /// True unless the type is `inline`.
    public var isAttachment: Bool { type != "inline" }

    /// The value of a parameter by name (case-insensitive), or nil.
    public subscript(parameter name: String) -> String? {
        let lower = name.lowercased()
        return parameters.first { $0.name == lower }?.value
    }

    /// The `filename` parameter, or nil.
    public var filename: String? { self[parameter: "filename"] }
}
