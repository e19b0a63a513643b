/// Opens a URL from a message in the user's browser, without a shell.
///
/// The program is `$BROWSER` when it is set (the first of its `:`-separated entries; a `%s` in it
/// stands for the URL, as the `BROWSER` convention has it), else the `opener` setting
/// (`xdg-open`, `open` on macOS). Its words are split like a simple shell line (spaces separate,
/// `'...'` and `"..."` group), and the URL is added (or put in place of `%s`) as one argument of its
/// own: whatever the URL holds, it never reaches a shell.
///
/// Only `http`, `https`, `ftp` and `mailto` URLs are opened; a URL that starts with `-` (which a
/// program would read as an option), holds white space or a control character is refused.
public struct URLOpener: Sendable, Hashable {
    /// The words of the program to run.
    public let program: [String]

    /// The schemes that are opened.
    public static let allowedSchemes: Set<String> = ["http", "https", "ftp", "mailto"]

    /// An opener from the settings and the environment.
    /// - Parameters:
    ///   - opener: the `opener` setting.
    ///   - environment: the process environment (for `BROWSER`).
    public init(opener: String, environment: [String: String]) {
        let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init)?
            .trimmingCharacters(in: .whitespaces)
        if let browser, !browser.isEmpty, !CommandWords.split(browser).isEmpty {
            program = CommandWords.split(browser)
        } else {
            let words = CommandWords.split(opener)
            program = words.isEmpty ? ["xdg-open"] : words
        }
    }

    /// The argument vector that opens `url`.
    /// - Throws: ``ExternalProcessError`` for a URL that is not safe to open.
    public func arguments(for url: String) throws -> [String] {
        try Self.check(url)
        if program.contains(where: { $0.contains("%s") }) {
            let isShell = Self.shells.contains(String(program[0].split(separator: "/").last ?? ""))
            return program.enumerated().map { index, word in
                // `sh -c 'firefox %s'`: the word after -c is shell text; quote the URL in it.
                if isShell, index > 0, program[index - 1] == "-c" { return Self.substituteQuoted(url, into: word) }
                return word.replacingOccurrences(of: "%s", with: url)
            }
        }
        return program + [url]
    }

    /// Opens `url` and returns at once; the program runs on (a browser may stay open for hours).
    /// - Throws: ``ExternalProcessError`` for an unsafe URL or a program that cannot be started.
    public func open(_ url: String) throws {
        try ExternalProcess.start(arguments(for: url))
    }

    /// Shells whose `-c` argument is shell text.
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish"]

    /// `script` with each `%s` replaced by `url`, quoted for where it stands (``ShellQuoting``).
    static func substituteQuoted(_ url: String, into script: String) -> String {
        var out = ""
        var tracker = ShellQuoting.Tracker()
        var i = script.startIndex
        while i < script.endIndex {
            let next = script.index(after: i)
            if script[i] == "%", next < script.endIndex, script[next] == "s" {
                out += ShellQuoting.quote(url, in: tracker.state)
                i = script.index(after: next)
                continue
            }
            out.append(script[i])
            tracker.feed(script[i])
            i = next
        }
        return out
    }

    /// Checks that `url` may be given to a program.
    public static func check(_ url: String) throws {
        func refuse(_ why: String) -> ExternalProcessError {
            ExternalProcessError(command: [], reason: "Not opening this link: \(why).")
        }
        guard !url.isEmpty else { throw refuse("it is empty") }
        guard !url.hasPrefix("-") else { throw refuse("it starts with -") }
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
            throw refuse("it contains a space or a control character")
        }
        guard let colon = url.firstIndex(of: ":") else { throw refuse("it has no scheme (such as https:)") }
        let scheme = url[..<colon].lowercased()
        guard allowedSchemes.contains(scheme) else {
            throw refuse("\(scheme): links are not opened (only http, https, ftp and mailto)")
        }
    }
}

/// Splits a command from the settings into words, like a simple shell line: white space separates
/// words, `'...'` keeps everything literally, `"..."` keeps everything but `\"` and `\\`, and a
/// backslash outside quotes escapes the next character. No variables, globs or substitutions.
public enum CommandWords {
    /// The words of `line`.
    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for c in line {
            if escape {
                current.append(c)
                escape = false
                inWord = true
                continue
            }
            if let q = quote {
                if c == q {
                    quote = nil
                } else if q == "\"", c == "\\" {
                    escape = true
                } else {
                    current.append(c)
                }
                continue
            }
            switch c {
            case " ", "\t", "\n":
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            case "'", "\"":
                quote = c
                inWord = true
            case "\\":
                escape = true
            default:
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
