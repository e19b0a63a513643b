import Foundation
import MailCore

/// Opens an attachment with the matching mailcap entry, or the `opener` program when there is none.
///
/// `prepare` writes the part to a ``PrivateTemporaryFile`` and finds the command; the UI then runs
/// the plan the way its ``PreparedViewer/Mode`` asks: in the terminal (the UI suspended), capturing
/// its output to show in the viewer, or in the background. The temporary file is removed when the
/// program ends.
public struct AttachmentViewer: Sendable {
    /// The mailcap entries.
    public var mailcap: Mailcap
    /// The words of the `opener` program, for types without an entry.
    public var opener: [String]
    /// The environment (for `TMPDIR`).
    public var environment: [String: String]

    /// A viewer.
    /// - Parameters:
    ///   - mailcap: the loaded mailcap files.
    ///   - opener: the `opener` setting (`xdg-open`).
    ///   - environment: the process environment.
    public init(mailcap: Mailcap, opener: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.mailcap = mailcap
        let words = CommandWords.split(opener)
        self.opener = words.isEmpty ? ["xdg-open"] : words
        self.environment = environment
    }

    /// What to do with a part.
    public enum Plan: Sendable {
        /// Run a program.
        case run(PreparedViewer)
        /// No entry for this text part: show it in the viewer.
        case showAsText
    }

    /// Prepares to open a part.
    ///
    /// - Parameters:
    ///   - bytes: the decoded part.
    ///   - mimeType: its `type/subtype`.
    ///   - parameters: its `Content-Type` parameters.
    ///   - runTest: runs mailcap `test=` commands.
    /// - Throws: ``MailcapError`` when the temporary file cannot be written or the matching entry
    ///   cannot be run safely.
    public func prepare(_ bytes: [UInt8], mimeType: String, parameters: [String: String] = [:],
                        runTest: (String) -> Bool = Mailcap.runTest) throws -> Plan {
        let entry = mailcap.entries(for: mimeType).first
        let file = try PrivateTemporaryFile.create(bytes, mimeType: mimeType, nameTemplate: entry?.nameTemplate,
                                                   environment: environment)
        let context = MailcapContext(filePath: file.path, mimeType: mimeType, parameters: parameters)
        do {
            if let invocation = try mailcap.viewer(for: context, runTest: runTest) {
                let mode: PreparedViewer.Mode = invocation.entry.copiousOutput ? .output
                    : invocation.entry.needsTerminal ? .terminal : .background
                return .run(PreparedViewer(arguments: invocation.arguments, input: invocation.input, mode: mode, file: file,
                                           origin: "mailcap entry at \(invocation.entry.source)"))
            }
        } catch {
            file.remove()
            throw error
        }
        if mimeType.lowercased().hasPrefix("text/") {
            file.remove()
            return .showAsText
        }
        return .run(PreparedViewer(arguments: opener + [file.path], input: .null, mode: .background, file: file,
                                   origin: "opener \(opener[0]) (no mailcap entry for \(mimeType))"))
    }
}

/// A viewer program ready to run on a temporary file.
public struct PreparedViewer: Sendable {
    /// How the program is run.
    public enum Mode: Sendable, Hashable {
        /// `needsterminal`: the UI suspends, the program has the terminal, the UI comes back after.
        case terminal
        /// `copiousoutput`: the output is collected and shown in the viewer.
        case output
        /// A program with its own window: started, not waited for.
        case background
    }

    /// The argument vector.
    public var arguments: [String]
    /// Its standard input.
    public var input: ExternalProcess.Input
    /// How to run it.
    public var mode: Mode
    /// The temporary file (removed after the program ends).
    public var file: PrivateTemporaryFile
    /// Where the command comes from, for the status line (`mailcap entry at ~/.mailcap:3`).
    public var origin: String

    /// Standard input in the terminal: the file when the command reads it there, else the
    /// terminal itself (a `needsterminal` pager or editor reads its keys from it).
    public var terminalInput: ExternalProcess.Input {
        input == .null ? .inherit : input
    }

    /// Runs the program in the terminal (call it while the UI is suspended) and removes the file.
    public func runInTerminal() throws -> ExternalProcess.Result {
        defer { file.remove() }
        return try ExternalProcess.runBlocking(arguments, input: terminalInput, output: .inherit)
    }

    /// Runs the program, collects what it prints, removes the file.
    public func runCapturingOutput() async throws -> ExternalProcess.Result {
        defer { file.remove() }
        return try await ExternalProcess.run(arguments, input: input, output: .capture)
    }

    /// Starts the program in the background; the file is removed when it ends (and `linger`
    /// seconds later, for openers such as `xdg-open` that hand the file to another program and exit).
    public func startInBackground(linger: Double = 0, whenDone: (@Sendable (ExternalProcess.Result) -> Void)? = nil) throws {
        let file = self.file
        do {
            try ExternalProcess.start(arguments, input: input) { result in
                if linger > 0 { Thread.sleep(forTimeInterval: linger) }
                file.remove()
                whenDone?(result)
            }
        } catch {
            file.remove()
            throw error
        }
    }
}
