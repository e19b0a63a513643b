/// The answer to a SEARCH with RETURN options (RFC 4731, RFC 9051 §7.3.4).
///
/// ```
/// S: * ESEARCH (TAG "A282") UID MIN 2 COUNT 3 ALL 2,10:11
/// ```
public struct ESearchResponse: Hashable, Sendable {
    /// The tag of the command this answers, when the server gave it.
    public var tag: String?
    /// True when the numbers are UIDs.
    public var isUID: Bool
    /// `MIN`.
    public var min: UInt32?
    /// `MAX`.
    public var max: UInt32?
    /// `COUNT`.
    public var count: Int?
    /// `ALL`.
    public var all: SequenceSet?
    /// `MODSEQ` (RFC 7162 §3.1.5).
    public var modSeq: UInt64?

    /// An answer with nothing in it.
    public init(tag: String? = nil, isUID: Bool = false) {
        self.tag = tag
        self.isUID = isUID
    }
}

extension GrammarParser {
    // esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
    // search-correlator = SP "(" "TAG" SP tag-string ")"
    // search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
    //                      "COUNT" SP number / "MODSEQ" SP mod-sequence-value / search-modifier-name SP search-return-value
    /// The rest of an ESEARCH response after `ESEARCH`.
    mutating func parseESearchResponse() throws(ParseFailure) -> ESearchResponse {
        var response = ESearchResponse()
        if peek() == ASCII.space, peek(at: 1) == ASCII.openParen {
            try parseSpace()
            try openList()
            guard consumeKeyword("TAG") else { throw failure("TAG in a search correlator") }
            try parseSpace()
            response.tag = text(of: try parseAString())
            try closeList()
        }
        while peek() == ASCII.space {
            try parseSpace()
            if peek() == ASCII.cr || peek() == ASCII.lf { break }
            let name = try parseAtom()
            if range(name, is: "UID") {
                response.isUID = true
                continue
            }
            try parseSpace()
            if range(name, is: "MIN") {
                response.min = try parseNumber()
            } else if range(name, is: "MAX") {
                response.max = try parseNumber()
            } else if range(name, is: "COUNT") {
                response.count = Int(try parseNumber())
            } else if range(name, is: "ALL") {
                response.all = try parseSequenceSet()
            } else if range(name, is: "MODSEQ") {
                response.modSeq = try parseNumber64()
            } else {
                try skipValue()
            }
        }
        return response
    }
}
