/// Opens the bundled demo mailbox.
enum DemoLauncher {
    static func run(global: GlobalOptions) throws {
        throw NotYetAvailable(feature: "tern --demo", issue: 2)
    }
}
