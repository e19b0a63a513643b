/// The parameters of an ID command or response (RFC 2971): field names with optional values,
/// in order.
///
/// ```
/// C: A2 ID ("name" "tern" "version" "0.1")
/// S: * ID ("name" "Dovecot")
/// ```
public struct IDParameters: Hashable, Sendable {
    /// One field.
    public struct Field: Hashable, Sendable {
        /// The field name (`name`, `version`, `vendor`, ...).
        public var name: String
        /// Its value, or nil.
        public var value: String?

        /// A field from its parts.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public var fields: [Field]

    /// Parameters from fields.
    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// The value of a field (name compared case-insensitively).
    public subscript(_ name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value ?? nil
    }
}

extension GrammarParser {
    // id-response = "ID" SP id-params-list
    // id-params-list = "(" *(string SP nstring) ")" / nil
    /// The parameter list of an ID response; nil for `NIL`.
    mutating func parseIDParameters() throws(ParseFailure) -> IDParameters? {
        if consumeNIL() { return nil }
        var fields: [IDParameters.Field] = []
        var pendingName: String?
        try parseList { parser throws(ParseFailure) in
            if let name = pendingName {
                fields.append(IDParameters.Field(name: name, value: parser.optionalText(of: try parser.parseNString())))
                pendingName = nil
            } else {
                pendingName = parser.text(of: try parser.parseString())
            }
        }
        return IDParameters(fields)
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // id-params-list = "(" *(string SP nstring) ")" / nil
    /// Writes the ID parameter list, or NIL.
    mutating func write(idParameters: IDParameters?) {
        guard let idParameters, !idParameters.fields.isEmpty else {
            write("NIL")
            return
        }
        write("(")
        for (position, field) in idParameters.fields.enumerated() {
            if position > 0 { writeSpace() }
            write(string: Array(field.name.utf8))
            writeSpace()
            if let value = field.value { write(string: Array(value.utf8)) } else { write("NIL") }
        }
        write(")")
    }
}
