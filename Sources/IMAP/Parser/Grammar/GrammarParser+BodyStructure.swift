extension GrammarParser {
    // body = "(" (body-type-1part / body-type-mpart) ")"
    // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
    // body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
    /// A body structure, leniently. Accepted beyond the grammar, each seen from a real server:
    /// - a multipart without children: `("alternative")` (Gmail), `(NIL "alternative" ...)`;
    /// - spaces between the children of a multipart, or none before the subtype;
    /// - `()` for an empty parameter list, NIL where a string belongs, quoted or negative numbers;
    /// - a text part without its line count, a message/rfc822 part without envelope and body;
    /// - a disposition sent as a bare string (`"inline"`, Exchange), a language list;
    /// - any extension data after the known fields (skipped).
    mutating func parseBody() throws(ParseFailure) -> BodyStructure {
        try openList()
        skipSpaces()
        guard let first = peek() else { throw failure("a body structure") }
        if first == ASCII.openParen { return try parseMultipartBody() }
        if consumeNIL() {
            // `(NIL "subtype" ...)`: a multipart whose children the server left out.
            return try parseMultipartTail(children: [])
        }
        let type = try parseBodyString()
        if consumeListEnd() {
            // `("alternative")`: a multipart with no children.
            return BodyStructure(mediaType: "multipart", mediaSubtype: type.lowercased(), isMultipart: true)
        }
        if peek() == ASCII.space, peek(at: 1) == ASCII.openParen {
            // `("X-ZIP" ("BOUNDARY" "") ...)`: a subtype and multipart extension data only.
            return try parseMultipartExtension(into: BodyStructure(
                mediaType: "multipart", mediaSubtype: type.lowercased(), isMultipart: true))
        }
        return try parseSinglePartBody(type: type.lowercased())
    }

    /// The children of a multipart, then its subtype and extension data.
    private mutating func parseMultipartBody() throws(ParseFailure) -> BodyStructure {
        var children: [BodyStructure] = []
        while peek() == ASCII.openParen {
            children.append(try parseBody())
            skipSpaces()
        }
        return try parseMultipartTail(children: children)
    }

    // media-subtype = string ; then [SP body-ext-mpart]
    private mutating func parseMultipartTail(children: [BodyStructure]) throws(ParseFailure) -> BodyStructure {
        skipSpaces()
        var body = BodyStructure(mediaType: "multipart", mediaSubtype: "mixed", parts: children, isMultipart: true)
        if consumeListEnd() { return body }
        body.mediaSubtype = (try parseOptionalBodyString() ?? "mixed").lowercased()
        return try parseMultipartExtension(into: body)
    }

    // body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
    private mutating func parseMultipartExtension(into body: BodyStructure) throws(ParseFailure) -> BodyStructure {
        var body = body
        if consumeListEnd() { return body }
        try parseSpace()
        if consumeListEnd() { return body }
        body.parameters = try parseBodyParameters()
        try parseExtensionTail(into: &body)
        return body
    }

    // body-type-basic = media-basic SP body-fields
    // body-type-msg = media-message SP body-fields SP envelope SP body SP body-fld-lines
    // body-type-text = media-text SP body-fields SP body-fld-lines
    private mutating func parseSinglePartBody(type: String) throws(ParseFailure) -> BodyStructure {
        try parseSpace()
        let subtype = (try parseOptionalBodyString() ?? "").lowercased()
        var body = BodyStructure(mediaType: type, mediaSubtype: subtype)
        try parseBodyFields(into: &body)
        if type == "message", subtype == "rfc822" || subtype == "global", peek() == ASCII.space,
           peek(at: 1) == ASCII.openParen {
            try parseSpace()
            body.envelope = try parseEnvelope()
            try parseSpace()
            body.parts = [try parseBody()]
            body.lineCount = try parseOptionalLineCount()
        } else if type == "text" {
            body.lineCount = try parseOptionalLineCount()
        }
        // body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
        if consumeListEnd() { return body }
        try parseSpace()
        if consumeListEnd() { return body }
        body.md5 = try parseOptionalBodyString()
        try parseExtensionTail(into: &body)
        return body
    }

    // body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
    private mutating func parseBodyFields(into body: inout BodyStructure) throws(ParseFailure) {
        try parseSpace()
        body.parameters = try parseBodyParameters()
        try parseSpace()
        body.id = try parseOptionalBodyString()
        try parseSpace()
        body.contentDescription = try parseOptionalBodyString()
        try parseSpace()
        body.encoding = try parseOptionalBodyString()?.lowercased()
        try parseSpace()
        body.size = try parseLenientNumber()
    }

    // body-fld-lines = number64, missing on some servers
    private mutating func parseOptionalLineCount() throws(ParseFailure) -> Int? {
        guard peek() == ASCII.space, let next = peek(at: 1),
              ASCII.isDigit(next) || next == ASCII.quote || next == ASCII.minus else {
            return nil
        }
        try parseSpace()
        return try parseLenientNumber()
    }

    /// `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]` and the `)`.
    private mutating func parseExtensionTail(into body: inout BodyStructure) throws(ParseFailure) {
        if consumeListEnd() { return }
        try parseSpace()
        if consumeListEnd() { return }
        body.disposition = try parseBodyDisposition()
        if consumeListEnd() { return }
        try parseSpace()
        if consumeListEnd() { return }
        body.languages = try parseBodyLanguages()
        if consumeListEnd() { return }
        try parseSpace()
        if consumeListEnd() { return }
        body.location = try parseOptionalBodyString()
        while !consumeListEnd() {
            try parseSpace()
            if consumeListEnd() { return }
            try skipValue()
        }
    }

    // body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
    /// Parameters; `NIL` and `()` give none, a value of NIL is read as empty, an odd last name
    /// is dropped.
    mutating func parseBodyParameters() throws(ParseFailure) -> [BodyParameter] {
        if consumeNIL() { return [] }
        guard peek() == ASCII.openParen else {
            // A lone string where a list belongs: skip it.
            _ = try parseOptionalBodyString()
            return []
        }
        var strings: [String] = []
        try parseList { parser throws(ParseFailure) in
            strings.append(try parser.parseOptionalBodyString() ?? "")
        }
        var parameters: [BodyParameter] = []
        parameters.reserveCapacity(strings.count / 2)
        var position = 0
        while position + 1 < strings.count {
            parameters.append(BodyParameter(name: strings[position], value: strings[position + 1]))
            position += 2
        }
        return parameters
    }

    // body-fld-dsp = "(" string SP body-fld-param ")" / nil
    /// A disposition; a bare string (Exchange) is read as the disposition's kind.
    mutating func parseBodyDisposition() throws(ParseFailure) -> BodyDisposition? {
        if consumeNIL() { return nil }
        guard peek() == ASCII.openParen else {
            guard let kind = try parseOptionalBodyString() else { return nil }
            return BodyDisposition(kind: kind)
        }
        try openList()
        skipSpaces()
        if consumeListEnd() { return nil }
        let kind = try parseOptionalBodyString() ?? ""
        var parameters: [BodyParameter] = []
        if !consumeListEnd() {
            try parseSpace()
            parameters = try parseBodyParameters()
            while !consumeListEnd() {
                try parseSpace()
                try skipValue()
            }
        }
        return BodyDisposition(kind: kind, parameters: parameters)
    }

    // body-fld-lang = nstring / "(" string *(SP string) ")"
    mutating func parseBodyLanguages() throws(ParseFailure) -> [String] {
        if peek() == ASCII.openParen {
            var languages: [String] = []
            try parseList { parser throws(ParseFailure) in
                if let language = try parser.parseOptionalBodyString() { languages.append(language) }
            }
            return languages
        }
        return (try parseOptionalBodyString()).map { [$0] } ?? []
    }

    /// A string, NIL (nil), or, leniently, an atom or number where a string belongs.
    mutating func parseOptionalBodyString() throws(ParseFailure) -> String? {
        if consumeNIL() { return nil }
        guard let first = peek() else { throw failure("a string") }
        if first == ASCII.quote || first == ASCII.openBrace || first == ASCII.tilde {
            return text(of: try parseString())
        }
        return text(try parseAtom())
    }

    /// A string or, leniently, an atom.
    private mutating func parseBodyString() throws(ParseFailure) -> String {
        guard let value = try parseOptionalBodyString() else { throw failure("a media type") }
        return value
    }
}
