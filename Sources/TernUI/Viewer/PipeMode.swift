import Foundation
import MailEngine

/// Whether a command typed at the pipe prompt (`|`) needs the terminal: a pager, an editor, a URL
/// picker. Such a command gets the terminal while it runs (like a `needsterminal` mailcap entry);
/// any other command runs in the background and its output is shown on a page of its own.
///
/// A command needs the terminal when one of the programs of its pipeline (`grep x | less`) is one of
/// ``interactivePrograms``, or is `$PAGER`, `$VISUAL` or `$EDITOR`; the program is the first word
/// after `env`, `exec`, `command` and `NAME=value` assignments, by its base name.
public enum PipeMode {
    /// Programs that draw on the terminal and read the keyboard.
    public static let interactivePrograms: Set<String> = [
        "less", "more", "most", "pg", "view", "vi", "vim", "nvim", "nano", "emacs", "mg", "micro", "helix", "hx",
        "urlview", "urlscan", "extract_url", "w3m", "lynx", "elinks", "links", "fzf", "sk", "tig", "bat", "batcat",
        "mutt", "neomutt", "man", "ranger", "nnn", "lf", "mc",
    ]

    /// True when `command` should get the terminal.
    /// - Parameter environment: for `PAGER`, `VISUAL` and `EDITOR`.
    public static func usesTerminal(_ command: String,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        var programs = interactivePrograms
        for variable in ["PAGER", "VISUAL", "EDITOR"] {
            if let value = environment[variable], let first = program(in: value) { programs.insert(first) }
        }
        for segment in segments(of: command) {
            if let name = program(in: segment), programs.contains(name) { return true }
        }
        return false
    }

    /// The commands of a shell line: split at `|`, `;`, `&&`, `||` and `&` outside quotes.
    static func segments(of line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if let q = quote {
                if c == q { quote = nil } else if c == "\\", q == "\"" { escaped = true }
                current.append(c)
                continue
            }
            switch c {
            case "\\":
                escaped = true
                current.append(c)
            case "'", "\"":
                quote = c
                current.append(c)
            case "|", ";", "&", "\n", "(", ")":
                result.append(current)
                current = ""
            default:
                current.append(c)
            }
        }
        result.append(current)
        return result.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The base name of the program a simple command runs.
    static func program(in command: String) -> String? {
        let words = CommandWords.split(command)
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == "env" || word == "exec" || word == "command" || word == "nohup" || word == "!" {
                i += 1
                continue
            }
            if word.hasPrefix("-"), i > 0 {  // an option of env/command
                i += 1
                continue
            }
            if let equals = word.firstIndex(of: "="), !word[..<equals].isEmpty,
               word[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                i += 1
                continue
            }
            return word.split(separator: "/").last.map(String.init) ?? word
        }
        return nil
    }
}
