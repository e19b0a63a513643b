import ArgumentParser
import Transport

/// `--trace` and `--trace-file PATH`: the protocol dialogue of the command's connections, with
/// passwords, tokens and AUTH data hidden, on standard error or appended to a file (created with
/// mode 0600). Shared by `tern sync`, `tern send` and `tern outbox flush|retry`.
struct TraceOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the protocol dialogue to standard error (passwords hidden).")
    var trace = false

    @Option(name: .customLong("trace-file"),
            help: ArgumentHelp("Append the protocol dialogue to this file (passwords hidden).", valueName: "path"))
    var traceFile: String?

    /// Both at once is a usage error: the dialogue goes to one place.
    func validate() throws {
        if trace && traceFile != nil { throw ValidationError("Use either --trace or --trace-file PATH, not both.") }
    }

    /// The trace asked for: the file, standard error, or none.
    ///
    /// - Throws: `CommandError` when the file cannot be created or opened.
    func makeTrace() throws -> ProtocolTrace? {
        if let traceFile {
            do {
                return try ProtocolTrace.appending(toFileAt: traceFile)
            } catch {
                throw CommandError("Cannot write the trace to \(traceFile): \(error.localizedDescription)")
            }
        }
        return trace ? ProtocolTrace.standardError() : nil
    }
}
