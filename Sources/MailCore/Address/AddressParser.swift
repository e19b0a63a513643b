/// The address-list grammar of RFC 5322 §3.4 over ``AddressToken``s.
///
/// ```
/// address-list = (address *("," address)) / obs-addr-list
/// address      = mailbox / group
/// mailbox      = name-addr / addr-spec
/// name-addr    = [display-name] angle-addr
/// angle-addr   = [CFWS] "<" [obs-route] addr-spec ">" [CFWS]
/// group        = display-name ":" [group-list] ";" [CFWS]
/// ```
struct AddressParser {
    let bytes: [UInt8]
    let tokens: [AddressToken]
    var pos = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
        tokens = AddressTokenizer.tokenize(bytes)
    }

    private func isSpecial(_ i: Int, _ c: Character) -> Bool {
        tokens[i].kind == .special(UInt8(ascii: c.unicodeScalars.first!))
    }

    // address-list = address *("," address), empty elements skipped (obs-addr-list)
    mutating func parseList() -> [AddressListItem] {
        var items: [AddressListItem] = []
        while pos < tokens.count {
            if isSpecial(pos, ",") || isSpecial(pos, ";") { pos += 1; continue }
            if isGroupStart() {
                items.append(parseGroup())
            } else {
                items.append(parseElement())
            }
        }
        return items
    }

    /// True when a `:` comes before any `<`, `>`, `@`, `,` or `;`: the element is a group.
    private func isGroupStart() -> Bool {
        var i = pos
        while i < tokens.count {
            if case .special(let c) = tokens[i].kind {
                return c == UInt8(ascii: ":")
            }
            if tokens[i].kind == .error { return false }
            i += 1
        }
        return false
    }

    // group = display-name ":" [group-list] ";" [CFWS]
    private mutating func parseGroup() -> AddressListItem {
        let nameEnd = tokens[pos...].firstIndex { $0.kind == .special(UInt8(ascii: ":")) } ?? tokens.count
        let name = phrase(tokens[pos..<nameEnd]) ?? ""
        pos = nameEnd + 1
        var members: [Address] = []
        while pos < tokens.count {
            if isSpecial(pos, ";") { pos += 1; break }
            if isSpecial(pos, ",") { pos += 1; continue }
            members.append(contentsOf: parseElement().addresses)
        }
        // CFWS after the group's ";"
        while pos < tokens.count, tokens[pos].kind == .comment { pos += 1 }
        return .group(name: name, members: members)
    }

    /// Parses one mailbox element ending at a top-level `,` or `;` (or the end).
    private mutating func parseElement() -> AddressListItem {
        let start = pos
        var angle = 0
        var commaInsideAngle: Int?
        while pos < tokens.count {
            if case .special(let c) = tokens[pos].kind {
                if c == UInt8(ascii: "<") { angle += 1 }
                if c == UInt8(ascii: ">") { angle -= 1 }
                if angle <= 0, c == UInt8(ascii: ",") || c == UInt8(ascii: ";") { break }
                if angle > 0, c == UInt8(ascii: ","), commaInsideAngle == nil { commaInsideAngle = pos }
            }
            pos += 1
        }
        // An unclosed "<" does not swallow the rest of the list: end this entry at its first comma.
        if angle > 0, let comma = commaInsideAngle { pos = comma }
        return mailbox(tokens[start..<pos])
    }

    private func raw(_ toks: ArraySlice<AddressToken>) -> String {
        guard let first = toks.first, let last = toks.last else { return "" }
        let text = String(decoding: bytes[first.range.lowerBound..<last.range.upperBound], as: UTF8.self)
        return TextSanitizer.headerText(text).trimmingSpaces()
    }

    // mailbox = name-addr / addr-spec
    private func mailbox(_ toks: ArraySlice<AddressToken>) -> AddressListItem {
        let unparsed = AddressListItem.unparsed(raw(toks))
        if toks.isEmpty { return .unparsed("") }
        if toks.contains(where: { $0.kind == .error }) { return unparsed }
        let lts = toks.indices.filter { toks[$0].kind == .special(UInt8(ascii: "<")) }
        let gts = toks.indices.filter { toks[$0].kind == .special(UInt8(ascii: ">")) }
        if lts.isEmpty && gts.isEmpty {
            // addr-spec [CFWS], the comment serving as the name: `a@b (Name)`
            let comments = toks.filter { $0.kind == .comment }
            guard let address = addrSpec(toks.filter { $0.kind != .comment }[...]) else { return unparsed }
            let name = comments.isEmpty ? nil : Self.decodeName(comments.map(\.text).joined(separator: " "))
            return .mailbox(Address(name: name, address: address))
        }
        guard lts.count == 1, gts.count == 1, let lt = lts.first, let gt = gts.first, lt < gt else { return unparsed }
        // Only comments may follow the ">".
        let after = toks[(gt + 1)...]
        if after.contains(where: { $0.kind != .comment }) { return unparsed }
        // display-name: words (and, leniently, an unquoted "@" as in `a@b <c@d>`), never ":".
        let before = toks[..<lt]
        if before.contains(where: { $0.kind == .special(UInt8(ascii: ":")) }) { return unparsed }
        var inner = toks[(lt + 1)..<gt].filter { $0.kind != .comment }[...]
        // obs-route = obs-domain-list ":"  -- dropped
        if let first = inner.first, first.kind == .special(UInt8(ascii: "@")) {
            guard let colon = inner.firstIndex(where: { $0.kind == .special(UInt8(ascii: ":")) }) else { return unparsed }
            inner = inner[(colon + 1)...]
        }
        guard let address = addrSpec(inner) else { return unparsed }
        var name = phrase(before)
        if name == nil {
            let comments = (before + after).filter { $0.kind == .comment }
            if !comments.isEmpty { name = Self.decodeName(comments.map(\.text).joined(separator: " ")) }
        }
        return .mailbox(Address(name: name, address: address))
    }

    /// The display name of a phrase: words joined by single spaces, then RFC 2047-decoded
    /// (which drops the space between adjacent encoded words) and sanitised. Comments are ignored
    /// unless the phrase has no words. Nil when empty.
    private func phrase(_ toks: ArraySlice<AddressToken>) -> String? {
        var text = ""
        var any = false
        for t in toks {
            switch t.kind {
            case .atom, .quoted, .special:
                if any && t.spaceBefore { text += " " }
                text += t.text
                any = true
            default:
                continue
            }
        }
        if !any {
            let comments = toks.filter { $0.kind == .comment }.map(\.text)
            if comments.isEmpty { return nil }
            text = comments.joined(separator: " ")
        }
        return Self.decodeName(text)
    }

    /// A display name's words (joined by single spaces) decoded (RFC 2047 §5) and sanitised;
    /// nil when nothing is left.
    static func decodeName(_ text: String) -> String? {
        let decoded = TextSanitizer.headerText(EncodedWord.decode(text)).trimmingSpaces()
        return decoded.isEmpty ? nil : decoded
    }

    // addr-spec = local-part "@" domain
    private func addrSpec(_ toks: ArraySlice<AddressToken>) -> String? {
        let ats = toks.indices.filter { toks[$0].kind == .special(UInt8(ascii: "@")) }
        guard ats.count == 1, let at = ats.first else { return nil }
        let local = toks[..<at]
        let domain = toks[(at + 1)...]
        guard !local.isEmpty, !domain.isEmpty else { return nil }
        var localText = ""
        for (k, t) in local.enumerated() {
            if k > 0 && t.spaceBefore { return nil }
            switch t.kind {
            case .atom: localText += t.text
            case .quoted: localText += t.text
            default: return nil
            }
        }
        if local.contains(where: { $0.kind == .quoted }) && !Self.isDotAtom(localText) {
            localText = "\"" + localText.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        }
        guard domain.count == 1, let d = domain.first else { return nil }
        let domainText: String
        switch d.kind {
        case .atom: domainText = Punycode.toUnicode(domain: d.text)
        case .domainLiteral: domainText = d.text
        default: return nil
        }
        let result = localText + "@" + domainText
        if result.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) { return nil }
        return result
    }

    /// True when `s` is a dot-atom (RFC 5322 §3.2.3) and needs no quotes as a local part.
    static func isDotAtom(_ s: String) -> Bool {
        if s.isEmpty || s.hasPrefix(".") || s.hasSuffix(".") || s.contains("..") { return false }
        for u in s.utf8 where u < 0x80 {
            if u <= 0x20 || u == 0x7F || AddressTokenizer.isDelimiter(u) { return false }
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
