import ArgumentParser

/// `tern folders`: List an account's folders with their roles and counts.
struct FoldersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folders",
        abstract: "List an account's folders with their roles and counts."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var rest: [String] = []

    mutating func run() async throws {
        throw NotYetAvailable(feature: "tern folders", issue: 4)
    }
}
