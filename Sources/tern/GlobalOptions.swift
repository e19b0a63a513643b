import ArgumentParser
import Foundation

/// Options every tern command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The config file to read (default: $XDG_CONFIG_HOME/tern/config.toml; also TERN_CONFIG).",
            valueName: "path"
        )
    )
    var config: String?

    /// The config file path chosen by `--config`, then `TERN_CONFIG`, or nil for the default location.
    var explicitConfigPath: String? {
        if let config { return config }
        if let env = ProcessInfo.processInfo.environment["TERN_CONFIG"], !env.isEmpty { return env }
        return nil
    }
}
