/// A sender address from the config file (`from`, `identities`): an optional display name and an
/// addr-spec, written `Name <local@domain>`, `"Last, First" <local@domain>` or `local@domain`.
///
/// This is a deliberately strict subset of RFC 5322 section 3.4 `mailbox` (no comments, no groups,
/// no obsolete forms), enough to catch typos when the config is read; the message builder in
/// MailCore encodes the display name (RFC 2047) when it writes a header.
public struct SenderAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The display name, unquoted, or nil if none was written.
    public let displayName: String?
    /// The addr-spec, `local@domain`.
    public let address: String

    /// Creates an address from parts already known to be valid.
    public init(displayName: String?, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// The domain part of the address.
    public var domain: Substring {
        address.lastIndex(of: "@").map { address[address.index(after: $0)...] } ?? ""
    }

    /// `Name <local@domain>` (the name quoted if it needs to be), or the bare address.
    public var description: String {
        guard let displayName, !displayName.isEmpty else { return address }
        let special: Set<Character> = ["(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", ".", "\""]
        if displayName.contains(where: { special.contains($0) }) {
            let escaped = displayName.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return "\(displayName) <\(address)>"
    }

    /// Parses `text`, or returns a message saying what is wrong with it.
    public static func parse(_ text: String) -> Result<SenderAddress, SenderAddressError> {
        let trimmed = String(text.trimmingSpaces)
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(.init(reason: "it contains a control character"))
        }
        var name: String?
        var spec = trimmed
        if trimmed.hasSuffix(">") {
            guard let open = trimmed.lastIndex(of: "<") else {
                return .failure(.init(reason: "\">\" without \"<\""))
            }
            spec = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let rawName = String(trimmed[..<open].trimmingSpaces)
            if !rawName.isEmpty {
                switch unquote(rawName) {
                case .success(let unquoted): name = unquoted
                case .failure(let error): return .failure(error)
                }
            }
        } else if trimmed.contains("<") {
            return .failure(.init(reason: "\"<\" without a closing \">\""))
        } else if trimmed.contains(" ") {
            return .failure(.init(reason: "it has spaces but no <address>"))
        }
        if let problem = problem(inAddrSpec: spec) { return .failure(problem) }
        return .success(SenderAddress(displayName: name, address: spec))
    }

    /// Removes the quotes of a quoted-string display name, checking what is left.
    private static func unquote(_ raw: String) -> Result<String, SenderAddressError> {
        guard raw.hasPrefix("\"") else {
            if raw.contains("\"") { return .failure(.init(reason: "the name has an unbalanced quote")) }
            return .success(raw)
        }
        guard raw.count >= 2, raw.hasSuffix("\"") else {
            return .failure(.init(reason: "the quoted name has no closing quote"))
        }
        var out = ""
        var escaping = false
        for character in raw.dropFirst().dropLast() {
            if escaping {
                out.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                return .failure(.init(reason: "the quoted name has a quote inside; write it as \\\""))
            } else {
                out.append(character)
            }
        }
        if escaping { return .failure(.init(reason: "the quoted name ends in a backslash")) }
        return .success(out)
    }

    /// What is wrong with `spec` as an addr-spec (dot-atom local part, domain name or literal).
    private static func problem(inAddrSpec spec: String) -> SenderAddressError? {
        guard let at = spec.lastIndex(of: "@") else {
            return .init(reason: "\(DisplayText.quoted(spec)) has no \"@\"")
        }
        let local = spec[..<at]
        let domain = spec[spec.index(after: at)...]
        guard !local.isEmpty else { return .init(reason: "the part before \"@\" is empty") }
        guard !domain.isEmpty else { return .init(reason: "the part after \"@\" is empty") }
        let atext: (Character) -> Bool = { character in
            if !character.isASCII { return character.unicodeScalars.allSatisfy { $0.value > 0x7F } }
            if character.isLetter || character.isNumber { return true }
            return "!#$%&'*+-/=?^_`{|}~.".contains(character)
        }
        if local.hasPrefix("\"") && local.hasSuffix("\"") && local.count >= 2 {
            // A quoted local part: anything but a bare quote inside.
        } else if !local.allSatisfy(atext) || local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return .init(reason: "\(DisplayText.quoted(String(local))) is not a valid local part")
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            let valid = !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0 == "-" || ($0.isASCII ? ($0.isLetter || $0.isNumber) : true) }
            if !valid { return .init(reason: "\(DisplayText.quoted(String(domain))) is not a valid domain") }
        }
        return nil
    }
}

/// Why a sender address could not be parsed.
public struct SenderAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `it has no "@"`.
    public let reason: String

    /// The reason.
    public var description: String { reason }
}

extension String {
    /// Every occurrence of `target` replaced with `replacement` (one linear pass).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
