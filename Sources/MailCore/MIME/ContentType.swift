/// A `Content-Type` value (RFC 2045 §5): type, subtype and parameters.
public struct ContentType: Sendable, Hashable {
    /// The top-level type in lower case (`text`).
    public var type: String
    /// The subtype in lower case (`plain`).
    public var subtype: String
    /// The parameters in order, decoded (RFC 2231 and RFC 2047).
    public var parameters: [MIMEParameter]
    /// The `boundary` parameter's bytes exactly as written (quotes removed, nothing decoded).
    public var boundary: [UInt8]?

    /// A content type from its parts.
    public init(type: String, subtype: String, parameters: [MIMEParameter] = [], boundary: [UInt8]? = nil) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
        self.boundary = boundary ?? parameters.first { $0.name == "boundary" }.map { Array($0.value.utf8) }
    }

    /// The RFC 2045 §5.2 default: `text/plain; charset=us-ascii`.
    public static let defaultPlain = ContentType(type: "text", subtype: "plain",
                                                 parameters: [MIMEParameter(name: "charset", value: "us-ascii")])

    /// The default inside `multipart/digest`: `message/rfc822` (RFC 2046 §5.1.5).
    public static let defaultDigestPart = ContentType(type: "message", subtype: "rfc822")

    /// Parses a field value; nil when it has no valid `type/subtype` (the caller then uses the default).
    ///
    /// - Parameter bytes: The unfolded field value.
    public init?(parsing bytes: [UInt8], fallback: String = CharsetDecoder.defaultFallback) {
        let result = ParameterParser.parse(bytes, fallback: fallback)
        guard let slash = result.value.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let t = result.value[..<slash], s = result.value[(slash + 1)...]
        func isToken(_ b: ArraySlice<UInt8>) -> Bool {
            !b.isEmpty && b.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"()<>@,;:\\\"/[]?=".utf8.contains($0) }
        }
        guard isToken(t), isToken(s) else { return nil }
        self.type = String(decoding: t, as: UTF8.self).lowercased()
        self.subtype = String(decoding: s, as: UTF8.self).lowercased()
        self.parameters = result.parameters
        self.boundary = result.rawBoundary.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `type/subtype` in lower case.
    public var mimeType: String { "\(type)/\(subtype)" }

    /// The value of a parameter by name (case-insensitive), or nil.
    public subscript(parameter name: String) -> String? {
        let lower = name.lowercased()
        return parameters.first { $0.name == lower }?.value
    }

    /// The `charset` parameter, or nil.
    public var charset: String? { self[parameter: "charset"] }

    /// True for `multipart/*`.
    public var isMultipart: Bool { type == "multipart" }

    /// True for `text/*`.
    public var isText: Bool { type == "text" }

    /// True for `message/rfc822` and `message/global` (RFC 6532 §3.7): an embedded message.
    public var isEmbeddedMessage: Bool {
        type == "message" && (subtype == "rfc822" || subtype == "global")
    }
}
