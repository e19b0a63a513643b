/// Every default value of the config, defined once. docs/config.md lists the same values; a test
/// checks that the documented example agrees with them.
public enum ConfigDefaults {
    /// `security` of a server connection.
    public static let security: ConnectionSecurity = .tls
    /// `allow_insecure_auth`.
    public static let allowInsecureAuth = false
    /// `keep_on_server` (POP3).
    public static let keepOnServer = false
    /// `allow_apop` (POP3).
    public static let allowAPOP = false
    /// `sync_interval`: five minutes.
    public static let syncInterval: Duration = .seconds(300)
    /// The shortest non-zero `sync_interval` accepted.
    public static let minimumSyncInterval: Duration = .seconds(10)

    /// `[ui] theme`.
    public static let themeName = "default"
    /// `[ui] layout`.
    public static let layout: Layout = .full
    /// `[ui] sidebar_width`.
    public static let sidebarWidth = 24
    /// `[ui] sidebar_width` bounds (0 hides the sidebar).
    public static let sidebarWidthRange = 0...120
    /// `[ui] sort`.
    public static let sort = SortOrder(field: .date)
    /// `[ui] date_format`.
    public static let dateFormat = "%Y-%m-%d %H:%M"
    /// `[ui] prefer_html`.
    public static let preferHTML = false

    /// `edit_headers`.
    public static let editHeaders = false
    /// `reply_style`.
    public static let replyStyle: ReplyStyle = .bottom
    /// `signature_dashes`.
    public static let signatureDashes = true
    /// `format_flowed`.
    public static let formatFlowed = false
    /// `body_cache_mb`.
    public static let bodyCacheMB = 256
    /// `body_cache_mb` bounds.
    public static let bodyCacheMBRange = 0...65536

    /// `editor`: `$VISUAL`, then `$EDITOR`, then `vi`.
    public static func editor(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingSpaces.isEmpty { return value }
        }
        return "vi"
    }

    /// `opener`: `open` on macOS, `xdg-open` elsewhere.
    public static var opener: String {
        #if os(macOS)
        return "open"
        #else
        return "xdg-open"
        #endif
    }

    /// `$HOME`, or `/` if it is unset.
    static func home(environment: [String: String]) -> String {
        guard let home = environment["HOME"], !home.isEmpty else { return "/" }
        return home
    }

    /// An XDG base directory: the variable if set to an absolute path, else `$HOME/fallback`.
    static func xdgDirectory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return joinPath(home(environment: environment), fallback)
    }

    /// `download_dir`: `$XDG_DOWNLOAD_DIR` if set, else `~/Downloads`.
    public static func downloadDirectory(environment: [String: String]) -> String {
        xdgDirectory("XDG_DOWNLOAD_DIR", fallback: "Downloads", environment: environment)
    }

    /// `mailcap_files`: the RFC 1524 search path, `~/.mailcap`, `/etc/mailcap`, `/usr/etc/mailcap`,
    /// `/usr/local/etc/mailcap`.
    public static func mailcapFiles(environment: [String: String]) -> [String] {
        [joinPath(home(environment: environment), ".mailcap"), "/etc/mailcap", "/usr/etc/mailcap", "/usr/local/etc/mailcap"]
    }

    /// The POP3 `maildir` of account `name`: `$XDG_DATA_HOME/tern/NAME` (`~/.local/share/tern/NAME`).
    public static func pop3Maildir(account name: String, environment: [String: String]) -> String {
        joinPath(xdgDirectory("XDG_DATA_HOME", fallback: ".local/share", environment: environment), "tern/\(name)")
    }

    /// `a/b` without doubled slashes.
    static func joinPath(_ base: String, _ rest: String) -> String {
        base.hasSuffix("/") ? base + rest : base + "/" + rest
    }
}
