import ArgumentParser

/// Thrown by a command whose feature has not been built yet: it says so and exits non-zero,
/// instead of pretending to work.
struct NotYetAvailable: Error, CustomStringConvertible {
    /// What the user asked for, e.g. "tern send".
    let feature: String
    /// The project issue that builds it.
    let issue: Int

    var description: String {
        "\(feature) is not available yet in this build of tern (it is being built under issue #\(issue))."
    }
}
