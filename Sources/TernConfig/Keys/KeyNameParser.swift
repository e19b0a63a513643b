/// Parses key names as written in `[keys.*]` tables: characters, and `<...>` names with `C-`, `M-`
/// (or `A-`) and `S-` modifiers.
enum KeyNameParser {
    /// The most keys one sequence may have.
    static let maximumLength = 8

    /// The keys written in `text`.
    /// - Throws: ``KeyNameError`` for an empty string, a control character, an unclosed `<`, an
    ///   unknown `<name>` or a sequence longer than ``maximumLength``.
    static func parse(_ text: String) throws(KeyNameError) -> [Key] {
        guard !text.isEmpty else {
            throw KeyNameError(message: "an empty key name", hint: "write a key such as j, <Enter> or <C-d>")
        }
        var keys: [Key] = []
        var rest = Substring(text)
        while let character = rest.first {
            if character == "<" {
                guard let close = rest.firstIndex(of: ">") else {
                    throw KeyNameError(message: "\"<\" without a closing \">\" in \(DisplayText.quoted(text))",
                                       hint: "write <lt> for the < key")
                }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                keys.append(try parseBracketed(inner))
                rest = rest[rest.index(after: close)...]
                continue
            }
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                throw KeyNameError(message: "a control character in the key name \(DisplayText.quoted(text))",
                                   hint: "write control keys as <C-x>, and <Tab>, <Enter>, <Esc>")
            }
            keys.append(Key(.character(character)))
            rest = rest.dropFirst()
        }
        guard keys.count <= maximumLength else {
            throw KeyNameError(message: "\(DisplayText.quoted(text)) has \(keys.count) keys, more than \(maximumLength)",
                               hint: "use a shorter sequence")
        }
        return keys
    }

    /// The key inside `<...>`: modifiers, then a name, a function key or one character.
    private static func parseBracketed(_ inner: Substring) throws(KeyNameError) -> Key {
        var modifiers: Key.Modifiers = []
        var name = inner
        while name.count > 2, name.dropFirst().first == "-" {
            switch name.first?.uppercased() {
            case "C": modifiers.insert(.control)
            case "M", "A": modifiers.insert(.meta)
            case "S": modifiers.insert(.shift)
            default:
                throw unknown(inner)
            }
            name = name.dropFirst(2)
        }
        let lowered = name.lowercased()
        switch lowered {
        case "lt": return Key(.character("<"), modifiers: modifiers)
        case "gt": return Key(.character(">"), modifiers: modifiers)
        case "bar": return Key(.character("|"), modifiers: modifiers)
        case "bslash": return Key(.character("\\"), modifiers: modifiers)
        default: break
        }
        if let named = NamedKey.aliases[lowered] {
            return Key(.named(named), modifiers: modifiers)
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number),
           lowered.dropFirst().allSatisfy(\.isNumber) {
            return Key(.function(number), modifiers: modifiers)
        }
        if name.count == 1, let character = name.first, !modifiers.isEmpty,
           character.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value != 0x7F }) {
            if modifiers.contains(.control) {
                let allowed = character.isASCII && (character.isLetter || "@[\\]^_".contains(character))
                guard allowed else {
                    throw KeyNameError(message: "<C-\(character)> is not a key a terminal can send",
                                       hint: "use <C-a> to <C-z>, or <C-@>, <C-[>, <C-\\>, <C-]>, <C-^>, <C-_>")
                }
            }
            return Key(.character(character), modifiers: modifiers)
        }
        throw unknown(inner)
    }

    private static func unknown(_ inner: Substring) -> KeyNameError {
        let names = NamedKey.allCases.map(\.rawValue) + ["lt", "Bar", "Bslash", "F1"]
        let stripped = String(inner.split(separator: "-").last ?? inner)
        let suggestion = Suggestion.closest(to: stripped, in: names)
        return KeyNameError(
            message: "unknown key name \(DisplayText.quoted("<\(inner)>"))",
            hint: suggestion.map { "did you mean <\($0)>?" }
                ?? "write a key such as <Enter>, <Esc>, <Tab>, <Space>, <Up>, <PageDown>, <F1>, <C-d> or <M-x>")
    }
}
