/// Works out which config file to read and where user themes live, from an environment dictionary
/// (so that it is testable without touching the real environment).
public enum ConfigLocator {
    /// How the config file was chosen.
    public enum Origin: String, Sendable, CustomStringConvertible {
        /// `--config PATH`.
        case flag
        /// `TERN_CONFIG=PATH`.
        case environment
        /// `$XDG_CONFIG_HOME/tern/config.toml` (`~/.config/tern/config.toml`).
        case `default`

        /// `--config`, `TERN_CONFIG` or `default location`.
        public var description: String {
            switch self {
            case .flag: return "--config"
            case .environment: return "TERN_CONFIG"
            case .default: return "default location"
            }
        }
    }

    /// The chosen config file.
    public struct Location: Sendable, Equatable {
        /// The file's path, `~` and `$VARS` expanded.
        public var path: String
        /// How it was chosen.
        public var origin: Origin
    }

    /// `$XDG_CONFIG_HOME`, or `~/.config` when it is unset, empty or not absolute (XDG Base Directory spec).
    public static func configHome(environment: [String: String]) -> String {
        ConfigDefaults.xdgDirectory("XDG_CONFIG_HOME", fallback: ".config", environment: environment)
    }

    /// The default config file: `$XDG_CONFIG_HOME/tern/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        ConfigDefaults.joinPath(configHome(environment: environment), "tern/config.toml")
    }

    /// The folder of user themes: `$XDG_CONFIG_HOME/tern/themes`.
    public static func themeDirectory(environment: [String: String]) -> String {
        ConfigDefaults.joinPath(configHome(environment: environment), "tern/themes")
    }

    /// The config file to read: `explicitPath` (from `--config`) if given, else `TERN_CONFIG` if set and
    /// not empty, else the default path. `~` and `$VARS` in the chosen path are expanded.
    /// - Parameters:
    ///   - explicitPath: The `--config` argument, if any.
    ///   - environment: The process environment.
    public static func locate(explicitPath: String?, environment: [String: String]) -> Location {
        let chosen: (String, Origin)
        if let explicitPath, !explicitPath.isEmpty {
            chosen = (explicitPath, .flag)
        } else if let variable = environment["TERN_CONFIG"], !variable.isEmpty {
            chosen = (variable, .environment)
        } else {
            return Location(path: defaultPath(environment: environment), origin: .default)
        }
        let expanded = (try? PathExpander(environment: environment).expand(chosen.0).get()) ?? chosen.0
        return Location(path: expanded, origin: chosen.1)
    }
}
