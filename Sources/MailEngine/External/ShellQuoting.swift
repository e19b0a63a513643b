/// Puts values into a POSIX shell command line so that the shell reads each as literal text.
///
/// A command template (a mailcap view command, a `sh -c` browser line) may already quote the place
/// where a value goes (`less '%s'`, `"%s"`) or not (`less %s`). ``ShellQuoting/State`` follows the
/// shell's quoting as the command is written, and ``quote(_:in:)`` writes the value so that it ends
/// up literal in that state: wrapped in `'...'` outside quotes, with `'\''` for each `'` inside
/// single quotes, with `\` before `$`, `` ` ``, `"` and `\` inside double quotes. This is the lesson
/// of CVE-2015-20107 (Python's mailcap module put file names and parameters into commands unquoted).
public enum ShellQuoting {
    /// Where the shell is in its quoting at a point of a command line.
    public enum State: Sendable, Hashable {
        /// Outside quotes.
        case none
        /// Inside `'...'`.
        case single
        /// Inside `"..."`.
        case double
    }

    /// Follows the quoting of command text written so far, one character at a time.
    public struct Tracker: Sendable, Hashable {
        /// The state after the characters fed so far.
        public private(set) var state: State = .none
        private var escaped = false

        /// A tracker at the start of a command.
        public init() {}

        /// Feeds one character of the command.
        public mutating func feed(_ c: Character) {
            if escaped {
                escaped = false
                return
            }
            switch state {
            case .none:
                if c == "\\" { escaped = true } else if c == "'" { state = .single } else if c == "\"" { state = .double }
            case .single:
                if c == "'" { state = .none }
            case .double:
                if c == "\\" { escaped = true } else if c == "\"" { state = .none }
            }
        }

        /// Feeds every character of `text`.
        public mutating func feed(_ text: some StringProtocol) {
            for c in text { feed(c) }
        }
    }

    /// `value` written so that the shell reads it literally at a point in `state`; the state after
    /// it is the same as before.
    public static func quote(_ value: String, in state: State) -> String {
        switch state {
        case .none:
            return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
        case .single:
            return value.replacingOccurrences(of: "'", with: "'\\''")
        case .double:
            var out = ""
            for c in value {
                if c == "$" || c == "`" || c == "\"" || c == "\\" { out.append("\\") }
                out.append(c)
            }
            return out
        }
    }
}
