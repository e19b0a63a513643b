import ArgumentParser

/// `tern read`: Show one message: as text, raw bytes or JSON.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Show one message: as text, raw bytes or JSON."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var rest: [String] = []

    mutating func run() async throws {
        throw NotYetAvailable(feature: "tern read", issue: 4)
    }
}
