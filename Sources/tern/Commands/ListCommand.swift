import ArgumentParser

/// `tern list`: List the messages in a folder, newest first.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the messages in a folder, newest first."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var rest: [String] = []

    mutating func run() async throws {
        throw NotYetAvailable(feature: "tern list", issue: 4)
    }
}
