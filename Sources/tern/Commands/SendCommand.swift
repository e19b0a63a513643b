import ArgumentParser

/// `tern send`: Compose and send a message, or send a complete message as it is.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Compose and send a message, or send a complete message as it is."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var rest: [String] = []

    mutating func run() async throws {
        throw NotYetAvailable(feature: "tern send", issue: 6)
    }
}
