/// The start of a response, or all of it.
enum ResponseHead {
    /// A complete untagged response.
    case untagged(UntaggedResponse)
    /// `* n FETCH (` was read: the items follow.
    case fetchBegin(UInt32)
    /// A complete tagged response.
    case tagged(TaggedResponse)
    /// A complete continuation request.
    case continuation(ContinuationRequest)
}

extension GrammarParser {
    // response = continue-req / response-data / response-tagged
    // continue-req = "+" [SP (resp-text / base64)] CRLF
    // response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
    //                 capability-data / enable-data) CRLF
    // response-tagged = tag SP resp-cond-state CRLF
    /// One response; for FETCH only its start.
    mutating func parseResponse() throws(ParseFailure) -> ResponseHead {
        guard let first = peek() else { throw failure("a response") }
        switch first {
        case ASCII.plus:
            index += 1
            _ = consume(ASCII.space)
            let start = index
            while index < end, bytes[index] != ASCII.cr, bytes[index] != ASCII.lf { index += 1 }
            let data = Array(bytes[start..<index])
            try parseCRLF()
            return .continuation(ContinuationRequest(data: data))
        case ASCII.star:
            index += 1
            try parseSpace()
            if let byte = peek(), ASCII.isDigit(byte) { return try parseMessageData() }
            let response = try parseUntaggedData()
            if case .unknown = response { return .untagged(response) }
            skipSpaces()
            try parseCRLF()
            return .untagged(response)
        default:
            return .tagged(try parseTaggedResponse())
        }
    }

    // message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
    // mailbox-data =/ number SP "EXISTS" / number SP "RECENT"
    private mutating func parseMessageData() throws(ParseFailure) -> ResponseHead {
        let number = try parseNumber()
        try parseSpace()
        if consumeKeyword("FETCH") {
            try parseSpace()
            try openList()
            return .fetchBegin(number)
        }
        let response: UntaggedResponse
        if consumeKeyword("EXISTS") {
            response = .exists(number)
        } else if consumeKeyword("EXPUNGE") {
            response = .expunge(number)
        } else if consumeKeyword("RECENT") {
            response = .recent(number)
        } else {
            let name = (try? parseAtom()).map(upperText) ?? ""
            index = end
            return .untagged(.unknown(name))
        }
        skipSpaces()
        try parseCRLF()
        return .untagged(response)
    }

    /// An untagged response that starts with a keyword; unknown keywords are skipped to the end
    /// of the response.
    private mutating func parseUntaggedData() throws(ParseFailure) -> UntaggedResponse {
        let name = try parseAtom()
        switch name.count {
        case 2 where range(name, is: "OK"): return .condition(.ok, try parseConditionText())
        case 2 where range(name, is: "NO"): return .condition(.no, try parseConditionText())
        case 2 where range(name, is: "ID"):
            try parseSpace()
            return .id(try parseIDParameters())
        case 3 where range(name, is: "BAD"): return .condition(.bad, try parseConditionText())
        case 3 where range(name, is: "BYE"): return .condition(.bye, try parseConditionText())
        case 4 where range(name, is: "LIST"):
            try parseSpace()
            return .list(try parseMailboxList())
        case 4 where range(name, is: "LSUB"):
            try parseSpace()
            return .lsub(try parseMailboxList())
        case 5 where range(name, is: "FLAGS"):
            try parseSpace()
            return .flags(try parseFlagList())
        case 6 where range(name, is: "STATUS"):
            try parseSpace()
            let mailbox = try parseMailbox()
            try parseSpace()
            return .status(mailbox, try parseStatusAttributes())
        case 6 where range(name, is: "SEARCH"): return try parseSearchResponse()
        case 7 where range(name, is: "PREAUTH"): return .condition(.preauth, try parseConditionText())
        case 7 where range(name, is: "ESEARCH"): return .esearch(try parseESearchResponse())
        case 7 where range(name, is: "ENABLED"): return .enabled(try parseCapabilities())
        case 8 where range(name, is: "VANISHED"):
            try parseSpace()
            var earlier = false
            if peek() == ASCII.openParen {
                try openList()
                guard consumeKeyword("EARLIER") else { throw failure("(EARLIER)") }
                try closeList()
                earlier = true
                try parseSpace()
            }
            return .vanished(try parseSequenceSet(), earlier: earlier)
        case 9 where range(name, is: "NAMESPACE"):
            try parseSpace()
            return .namespace(try parseNamespaceResponse())
        case 10 where range(name, is: "CAPABILITY"): return .capability(try parseCapabilities())
        default:
            let keyword = upperText(name)
            index = end
            return .unknown(keyword)
        }
    }

    // resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text ; resp-cond-bye = "BYE" SP resp-text
    /// The text after a status word; a missing space and text are accepted.
    private mutating func parseConditionText() throws(ParseFailure) -> ResponseText {
        _ = skipSpaces()
        return try parseResponseText()
    }

    // capability-data = "CAPABILITY" *(SP capability) ; enable-data = "ENABLED" *(SP capability)
    private mutating func parseCapabilities() throws(ParseFailure) -> [Capability] {
        var capabilities: [Capability] = []
        while skipSpaces() {
            guard let byte = peek(), byte != ASCII.cr, byte != ASCII.lf else { break }
            capabilities.append(Capability(text(try parseAtom())))
        }
        return capabilities
    }

    // mailbox-data =/ "SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]
    private mutating func parseSearchResponse() throws(ParseFailure) -> UntaggedResponse {
        var numbers: [UInt32] = []
        var modSeq: UInt64?
        while skipSpaces() {
            guard let byte = peek() else { break }
            if ASCII.isDigit(byte) {
                numbers.append(try parseNumber())
            } else if byte == ASCII.openParen {
                try openList()
                guard consumeKeyword("MODSEQ") else { throw failure("MODSEQ in a SEARCH response") }
                try parseSpace()
                modSeq = try parseNumber64()
                try closeList()
            } else {
                break
            }
        }
        return .search(numbers, modSeq: modSeq)
    }

    // response-tagged = tag SP resp-cond-state CRLF
    // tag = 1*<any ASTRING-CHAR except "+">
    private mutating func parseTaggedResponse() throws(ParseFailure) -> TaggedResponse {
        let start = index
        while index < end, ASCII.isTagChar(bytes[index]) { index += 1 }
        guard index > start else { throw failure("a tag, \"*\" or \"+\" at the start of a response") }
        let tag = text(start..<index)
        try parseSpace()
        let status: ResponseStatus
        if consumeKeyword("OK") {
            status = .ok
        } else if consumeKeyword("NO") {
            status = .no
        } else if consumeKeyword("BAD") {
            status = .bad
        } else {
            throw failure("OK, NO or BAD after the tag")
        }
        let text = try parseConditionText()
        try parseCRLF()
        return TaggedResponse(tag: tag, status: status, text: text)
    }
}
