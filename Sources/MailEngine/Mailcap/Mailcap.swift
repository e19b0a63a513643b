import Foundation

/// The mailcap entries of the user's files, in the order they are searched (RFC 1524 §2:
/// `~/.mailcap` first, then `/etc/mailcap` ...; the `mailcap_files` setting).
public struct Mailcap: Sendable {
    /// Every entry, first file first.
    public var entries: [MailcapEntry]
    /// What was wrong in the files (entries skipped, files unreadable).
    public var diagnostics: [MailcapDiagnostic]

    /// A mailcap of `entries`.
    public init(entries: [MailcapEntry] = [], diagnostics: [MailcapDiagnostic] = []) {
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// Reads `files` in order; a missing file is skipped, an unreadable one noted.
    public static func load(files: [String]) -> Mailcap {
        var mailcap = Mailcap()
        for file in files {
            guard FileManager.default.fileExists(atPath: file) else { continue }
            guard let data = FileManager.default.contents(atPath: file) else {
                mailcap.diagnostics.append(MailcapDiagnostic(source: MailcapSource(file: file, line: 0),
                                                             message: "cannot be read (check its permissions)"))
                continue
            }
            mailcap.add(String(decoding: data, as: UTF8.self), file: file)
        }
        return mailcap
    }

    /// Adds the entries of a file's text after the ones already read.
    public mutating func add(_ text: String, file: String) {
        let parsed = MailcapParser.parse(text, file: file)
        entries += parsed.entries
        diagnostics += parsed.diagnostics
    }

    /// The entries for `mimeType`, in search order.
    public func entries(for mimeType: String) -> [MailcapEntry] {
        entries.filter { $0.matches(mimeType) }
    }

    /// The first entry for the context's type whose `test` passes (RFC 1524 §3), with its command.
    ///
    /// - Parameters:
    ///   - context: the file, type and parameters.
    ///   - copiousOutputOnly: only entries marked `copiousoutput` (to show a part inside the viewer).
    ///   - runTest: runs a test command and says whether it exited 0 (``runTest(_:)`` by default).
    /// - Returns: nil when no entry applies.
    /// - Throws: ``MailcapError`` when the entry that applies cannot be run safely.
    public func viewer(for context: MailcapContext, copiousOutputOnly: Bool = false,
                       runTest: (String) -> Bool = Mailcap.runTest) throws -> MailcapInvocation? {
        for entry in entries(for: context.mimeType) {
            if copiousOutputOnly, !entry.copiousOutput { continue }
            if let test = entry.test {
                // A test that cannot be expanded safely counts as failed.
                guard let expanded = try? MailcapExpansion.expand(test, context: context, source: entry.source),
                      runTest(expanded.command) else { continue }
            }
            let (command, usesFile) = try MailcapExpansion.expand(entry.viewCommand, context: context, source: entry.source)
            return MailcapInvocation(entry: entry, command: command, input: usesFile ? .null : .file(context.filePath))
        }
        return nil
    }

    /// Runs a `test=` command with `/bin/sh -c` (the user's own mailcap text, expanded safely) and
    /// says whether it exited 0.
    public static func runTest(_ command: String) -> Bool {
        (try? ExternalProcess.runBlocking(["/bin/sh", "-c", command]).succeeded) ?? false
    }
}

/// A mailcap view command ready to run.
public struct MailcapInvocation: Sendable, Hashable {
    /// The entry it comes from.
    public var entry: MailcapEntry
    /// The expanded command line (every value from the message quoted and checked).
    public var command: String
    /// Standard input: the file when the command does not name it (RFC 1524 §4), else nothing.
    public var input: ExternalProcess.Input

    /// The argument vector: `/bin/sh -c COMMAND`. Mailcap commands are shell text by definition;
    /// what makes this safe is ``MailcapExpansion``.
    public var arguments: [String] { ["/bin/sh", "-c", command] }
}
