import MailCore

/// Reads sender addresses from the config file (`from`, `identities`) with MailCore's RFC 5322
/// parser, and explains a rejection in words the user can act on.
///
/// Written `Name <local@domain>`, `"Last, First" <local@domain>` or `local@domain`; groups and lists
/// are not sender addresses.
enum ConfigAddress {
    /// Parses `text` as exactly one usable mailbox, or says what is wrong with it.
    ///
    /// Stricter than reading a received message: the obsolete forms RFC 5322 section 4 allows
    /// (`a..b@x`, comments, routes) are refused, because a server would refuse them as a sender.
    static func parse(_ text: String) -> Result<Address, AddressProblem> {
        let problem = explain(text)
        if problem == nil, let address = Address.parse(text), address.isUsable {
            return .success(address)
        }
        return .failure(problem ?? AddressProblem(reason: "it is not one address such as Name <local@domain>"))
    }

    /// A reason a person can act on for why `text` is not a mailbox, if one of the common mistakes
    /// explains it.
    static func explain(_ text: String) -> AddressProblem? {
        let trimmed = String(text.trimmingSpaces)
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .init(reason: "it contains a control character")
        }
        var spec = trimmed
        if trimmed.hasSuffix(">") {
            guard let open = trimmed.lastIndex(of: "<") else {
                return .init(reason: "\">\" without \"<\"")
            }
            spec = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let rawName = String(trimmed[..<open].trimmingSpaces)
            if !rawName.isEmpty, case .failure(let error) = unquote(rawName) { return error }
        } else if trimmed.contains("<") {
            return .init(reason: "\"<\" without a closing \">\"")
        } else if trimmed.contains(" ") {
            return .init(reason: "it has spaces but no <address>")
        }
        return problem(inAddrSpec: spec)
    }

    /// Removes the quotes of a quoted-string display name, checking what is left.
    private static func unquote(_ raw: String) -> Result<String, AddressProblem> {
        guard raw.hasPrefix("\"") else {
            if raw.contains("\"") { return .failure(.init(reason: "the name has an unbalanced quote")) }
            if raw.contains(",") || raw.contains(";") || raw.contains("@") {
                return .failure(.init(reason: "a name with , ; or @ must be quoted, as in \"Doe, Jane\" <jane@example.org>"))
            }
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
    private static func problem(inAddrSpec spec: String) -> AddressProblem? {
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

/// Why a sender address could not be read.
struct AddressProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `it has no "@"`.
    let reason: String

    /// The reason.
    var description: String { reason }
}
