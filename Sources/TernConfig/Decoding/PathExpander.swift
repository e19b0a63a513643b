/// Expands a leading `~` and `$NAME` / `${NAME}` references in paths from the config file.
struct PathExpander {
    /// Why a path could not be expanded.
    struct Failure: Error, Equatable {
        /// What is wrong.
        let message: String
        /// What to write instead.
        let hint: String?
    }

    /// The variables to expand from (normally the process environment).
    let environment: [String: String]

    /// Expands `path`: `~` or `~/rest` becomes `$HOME` or `$HOME/rest`; `$NAME` and `${NAME}` become
    /// the variable's value; `$$` is a literal `$`. An unset variable is a failure, never an empty string.
    func expand(_ path: String) -> Result<String, Failure> {
        var text = Substring(path)
        var out = ""
        if text.hasPrefix("~") {
            let rest = text.dropFirst()
            guard rest.isEmpty || rest.hasPrefix("/") else {
                return .failure(Failure(
                    message: "\"~user\" paths are not supported",
                    hint: "write the full path, or $HOME/..."))
            }
            guard let home = environment["HOME"], !home.isEmpty else {
                return .failure(Failure(message: "HOME is not set, so \"~\" cannot be expanded", hint: "write the full path"))
            }
            out = home
            text = rest
        }
        while let dollar = text.firstIndex(of: "$") {
            out += text[..<dollar]
            var rest = text[text.index(after: dollar)...]
            if rest.hasPrefix("$") {
                out += "$"
                text = rest.dropFirst()
                continue
            }
            let name: Substring
            if rest.hasPrefix("{") {
                guard let close = rest.firstIndex(of: "}") else {
                    return .failure(Failure(message: "\"${\" without a closing \"}\"", hint: "write ${NAME}"))
                }
                name = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) } ?? rest.endIndex
                name = rest[..<end]
                rest = rest[end...]
            }
            guard Self.isVariableName(name) else {
                return .failure(Failure(
                    message: "\"$\" is not followed by a variable name",
                    hint: "write $NAME or ${NAME}, or $$ for a literal $"))
            }
            guard let value = environment[String(name)] else {
                return .failure(Failure(
                    message: "the environment variable \(name) is not set",
                    hint: "set it, or write the path without $\(name)"))
            }
            out += value
            text = rest
        }
        out += text
        return .success(out)
    }

    private static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
