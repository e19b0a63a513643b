/// How to run the user's editor on a file: the `editor` setting (`$VISUAL`, `$EDITOR`, `vi`)
/// run by `/bin/sh -c` so that settings such as `vim -c 'set tw=72'` work, the file passed as a
/// separate argument so that its name is never parsed by the shell, and `+LINE` for editors
/// known to take it.
///
/// The UI suspends itself, runs ``arguments`` with the terminal (``EditorRunner``), and resumes.
public struct EditorLaunch: Sendable, Hashable {
    /// The editor command as configured.
    public var editor: String
    /// The file to edit.
    public var file: String
    /// The line to put the cursor on, from 1, or nil.
    public var line: Int?

    /// A launch of `editor` on `file`.
    public init(editor: String, file: String, line: Int? = nil) {
        self.editor = editor
        self.file = file
        self.line = line
    }

    /// Editors that accept `+LINE` before the file name.
    static let lineArgumentEditors: Set<String> = [
        "vi", "vim", "nvim", "view", "gvim", "mvim", "nano", "pico", "rnano", "emacs", "emacsclient", "mg", "jed",
        "joe", "jmacs", "jpico", "jstar", "ne", "kak", "micro", "vis", "elvis", "nvi", "ex", "jove", "zile", "mcedit",
    ]

    /// The program name of the editor command: the last path component of its first word.
    var programName: String {
        let first = editor.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        return first.split(separator: "/").last.map(String.init) ?? first
    }

    /// The process to start: `/bin/sh -c 'EDITOR [+LINE] "$1"' sh FILE`.
    public var arguments: [String] {
        var script = editor
        if let line, line > 0, Self.lineArgumentEditors.contains(programName) { script += " +\(line)" }
        script += " \"$1\""
        return ["/bin/sh", "-c", script, "sh", file]
    }

    /// The exit statuses of `sh` that mean the editor could not be started at all (not found,
    /// not executable): the built-in editor is used instead.
    public static let notStartedStatuses: Set<Int32> = [126, 127]
}
