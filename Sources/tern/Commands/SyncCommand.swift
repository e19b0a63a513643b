import ArgumentParser

/// `tern sync`: Bring an account's local state up to date with its server.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring an account's local state up to date with its server."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var rest: [String] = []

    mutating func run() async throws {
        throw NotYetAvailable(feature: "tern sync", issue: 4)
    }
}
