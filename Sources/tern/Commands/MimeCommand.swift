import ArgumentParser

/// `tern mime`: Print a message's MIME structure and decoded headers, or extract one part.
struct MimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mime",
        abstract: "Print a message's MIME structure and decoded headers, or extract one part."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var rest: [String] = []

    mutating func run() async throws {
        throw NotYetAvailable(feature: "tern mime", issue: 3)
    }
}
