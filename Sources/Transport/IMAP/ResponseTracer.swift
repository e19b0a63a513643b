import IMAP

/// Turns parsed responses back into trace lines in the server's words, compactly: a FETCH
/// becomes one line with its items, body sections as their size, never their bytes.
struct ResponseTracer {
    let trace: ProtocolTrace?
    private var fetchLine: String?

    init(trace: ProtocolTrace?) {
        self.trace = trace
    }

    func tagged(_ response: TaggedResponse) {
        guard let trace else { return }
        trace.received(Array("\(response.tag) \(response.status.rawValue)\(Self.render(response.text))".utf8))
    }

    func continuation(_ text: String) {
        trace?.received(Array(("+ " + text).utf8))
    }

    func untagged(_ response: UntaggedResponse) {
        guard let trace else { return }
        trace.received(Array(("* " + Self.render(response)).utf8))
    }

    mutating func fetchBegin(_ number: UInt32) {
        guard trace != nil else { return }
        fetchLine = "* \(number) FETCH ("
    }

    mutating func fetchAttribute(_ attribute: MessageAttribute) {
        guard trace != nil, var line = fetchLine else { return }
        if !line.hasSuffix("(") { line += " " }
        switch attribute {
        case .uid(let value): line += "UID \(value)"
        case .flags(let flags): line += "FLAGS (" + flags.map(\.name).joined(separator: " ") + ")"
        case .envelope: line += "ENVELOPE (...)"
        case .internalDate(let date): line += "INTERNALDATE \"\(date)\""
        case .rfc822Size(let size): line += "RFC822.SIZE \(size)"
        case .bodyStructure(_, let extended): line += extended ? "BODYSTRUCTURE (...)" : "BODY (...)"
        case .modSeq(let value): line += "MODSEQ (\(value))"
        default: line += "\(attribute)"
        }
        fetchLine = line
    }

    mutating func bodyBegin(_ section: BodySection, count: Int) {
        guard trace != nil, var line = fetchLine else { return }
        if !line.hasSuffix("(") { line += " " }
        line += "\(section) {\(count)}"
        fetchLine = line
    }

    mutating func fetchEnd() {
        guard let trace, let line = fetchLine else { return }
        trace.received(Array((line + ")").utf8))
        fetchLine = nil
    }

    static func render(_ text: ResponseText) -> String {
        var out = ""
        if let code = text.code { out += " [\(code)]" }
        if !text.text.isEmpty { out += " " + text.text }
        return out
    }

    static func render(_ response: UntaggedResponse) -> String {
        switch response {
        case .condition(let status, let text): return status.rawValue + render(text)
        case .capability(let list): return "CAPABILITY " + list.map(\.rawValue).joined(separator: " ")
        case .enabled(let list): return "ENABLED " + list.map(\.rawValue).joined(separator: " ")
        case .flags(let flags): return "FLAGS (" + flags.map(\.name).joined(separator: " ") + ")"
        case .list(let entry), .lsub(let entry):
            let keyword = if case .list = response { "LIST" } else { "LSUB" }
            return keyword + " (" + entry.attributes.map(\.name).joined(separator: " ") + ") "
                + (entry.delimiter.map { "\"\($0)\"" } ?? "NIL") + " \"\(entry.name.displayName())\""
        case .status(let name, let status): return "STATUS \"\(name.displayName())\" \(status)"
        case .search(let numbers, let modSeq):
            return "SEARCH" + (numbers.count <= 20 ? numbers.map { " \($0)" }.joined() : " (\(numbers.count) numbers)")
                + (modSeq.map { " (MODSEQ \($0))" } ?? "")
        case .esearch(let response): return "ESEARCH \(response)"
        case .exists(let count): return "\(count) EXISTS"
        case .recent(let count): return "\(count) RECENT"
        case .expunge(let number): return "\(number) EXPUNGE"
        case .vanished(let set, let earlier): return "VANISHED " + (earlier ? "(EARLIER) " : "") + set.description
        case .id(let parameters):
            return "ID " + (parameters.map { $0.fields.map { "\"\($0.name)\" \"\($0.value ?? "NIL")\"" }.joined(separator: " ") } ?? "NIL")
        case .namespace(let namespace): return "NAMESPACE \(namespace)"
        case .unknown(let keyword): return keyword + " ..."
        }
    }
}
