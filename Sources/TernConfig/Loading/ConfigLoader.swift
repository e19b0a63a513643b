import Foundation

/// Finds, reads and checks config.toml and the theme it names.
///
/// ```swift
/// let loader = ConfigLoader(environment: ProcessInfo.processInfo.environment)
/// let config = try loader.load(explicitPath: options.config)   // throws ConfigError
/// print(config.defaultAccount.name)
/// ```
public struct ConfigLoader: Sendable {
    /// The environment used to locate files and expand `~` and `$VARS`.
    public var environment: [String: String]

    /// Creates a loader.
    /// - Parameter environment: Normally `ProcessInfo.processInfo.environment`.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The config file that ``load(explicitPath:)`` reads (see ``ConfigLocator/locate(explicitPath:environment:)``).
    public func location(explicitPath: String?) -> ConfigLocator.Location {
        ConfigLocator.locate(explicitPath: explicitPath, environment: environment)
    }

    /// The theme catalog: user themes in `$XDG_CONFIG_HOME/tern/themes`, then the shipped ones.
    public var themeCatalog: ThemeCatalog {
        ThemeCatalog(userDirectory: ConfigLocator.themeDirectory(environment: environment))
    }

    /// Locates and loads the config file.
    /// - Parameter explicitPath: The `--config` argument, if any.
    /// - Throws: ``ConfigError`` if the file is missing or has problems; every problem has file and line.
    public func load(explicitPath: String?) throws(ConfigError) -> Configuration {
        let location = location(explicitPath: explicitPath)
        if !FileManager.default.fileExists(atPath: location.path) {
            let how: String
            switch location.origin {
            case .flag: how = "the file given with --config"
            case .environment: how = "the file TERN_CONFIG names"
            case .default: how = "the default config file"
            }
            throw ConfigError(ConfigDiagnostic(
                file: location.path, line: nil, message: "\(how) does not exist",
                hint: "create it: `tern config example > \(location.path)` writes a commented example to start from"))
        }
        return try load(path: location.path)
    }

    /// Loads the config file at `path`.
    /// - Throws: ``ConfigError``.
    public func load(path: String) throws(ConfigError) -> Configuration {
        let text = try ConfigFileReader.read(path)
        return try parse(text: text, file: path)
    }

    /// Checks config text that is already in memory.
    /// - Parameters:
    ///   - text: The TOML text.
    ///   - file: How to name the file in diagnostics.
    ///   - themes: Where themes are looked up; by default ``themeCatalog``.
    /// - Throws: ``ConfigError``.
    public func parse(text: String, file: String, themes: ThemeCatalog? = nil) throws(ConfigError) -> Configuration {
        let document = try TOMLDocument(text: text, file: file)
        return try ConfigurationDecoder.decode(document, environment: environment, themes: themes ?? themeCatalog)
    }
}
