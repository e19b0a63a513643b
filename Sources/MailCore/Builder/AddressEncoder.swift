/// Writes mailboxes for headers (RFC 5322 §3.4): display names as atoms, quoted strings or
/// RFC 2047 encoded words; domains in IDNA ASCII form.
public enum AddressEncoder {
    /// Checks that an address is a usable mailbox without control characters or line breaks.
    ///
    /// - Throws: ``BuildError`` naming `field`.
    public static func validate(_ address: Address, field: String) throws {
        try HeaderEncoder.check(address.address, field: field)
        if let name = address.name { try HeaderEncoder.check(name, field: field) }
        guard address.isUsable, let parsed = Address.parse("<\(address.address)>"),
              parsed.comparisonKey == address.comparisonKey else {
            throw BuildError.invalidAddress(field: field, address: address.address)
        }
    }

    /// The tokens of one mailbox (`Name <a@b>`), for folding.
    static func tokens(_ address: Address) -> [String] {
        let spec = "<\(address.asciiAddress)>"
        guard let name = address.name, !name.isEmpty else { return [address.asciiAddress] }
        return phraseTokens(name) + [spec]
    }

    /// A display name as header tokens.
    static func phraseTokens(_ name: String) -> [String] {
        let clean = name.replacingAll("\t", with: " ")
        if clean.utf8.contains(where: { $0 >= 0x80 }) || clean.contains("=?") {
            return HeaderEncoder.encodeWords(clean, phrase: true).map { word in
                // An ASCII word next to encoded words must itself be a valid phrase word.
                word.hasPrefix("=?") || isAtom(word) ? word : quote(word)
            }
        }
        let words = clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.allSatisfy({ isAtom($0) }) { return words }
        return [quote(clean)]
    }

    static func isAtom(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { b in
            b > 0x20 && b < 0x7F && !"()<>[]:;@\\,.\"".utf8.contains(b)
        }
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    /// A whole address-list field, folded between and inside mailboxes.
    static func field(_ name: String, _ addresses: [Address]) throws -> [UInt8] {
        var tokens: [String] = []
        for (i, a) in addresses.enumerated() {
            try validate(a, field: name)
            var t = self.tokens(a)
            if i < addresses.count - 1 { t[t.count - 1] += "," }
            tokens += t
        }
        return HeaderEncoder.fold(name: name, tokens: tokens)
    }
}
