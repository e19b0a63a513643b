/// Pipes a message or a part to a shell command the user typed (`|` in the viewer).
///
/// The command is the user's own shell text, so it goes to `/bin/sh -c` as it is; the message's
/// bytes go only to its standard input, never into the command line. Nothing from the message is
/// ever put in the command.
public struct PipeCommand: Sendable, Hashable {
    /// The command as typed.
    public var command: String

    /// A pipe to `command`.
    /// - Throws: ``ExternalProcessError`` when the command is blank.
    public init(_ command: String) throws {
        guard !command.allSatisfy({ $0 == " " || $0 == "\t" }) else {
            throw ExternalProcessError(command: [], reason: "No command given; type the shell command to pipe to.")
        }
        self.command = command
    }

    /// The argument vector: `/bin/sh -c COMMAND`.
    public var arguments: [String] { ["/bin/sh", "-c", command] }

    /// Runs the command with `bytes` on its standard input and its output on the terminal (call it
    /// while the UI is suspended). Blocks until it ends.
    public func runInTerminal(_ bytes: [UInt8]) throws -> ExternalProcess.Result {
        try ExternalProcess.runBlocking(arguments, input: .bytes(bytes), output: .inherit)
    }

    /// Runs the command with `bytes` on its standard input and returns what it wrote (standard output
    /// and error together), to show in the viewer.
    public func runCapturingOutput(_ bytes: [UInt8]) async throws -> ExternalProcess.Result {
        try await ExternalProcess.run(arguments, input: .bytes(bytes), output: .capture)
    }
}
