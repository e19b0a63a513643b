/// How the screen is laid out (`[ui] layout`).
public enum Layout: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The message list fills the screen; opening a message replaces it with the viewer (NeoMutt).
    case full
    /// The message list on top, the selected message below it (aerc, meli).
    case split

    /// The value as written in the config file.
    public var description: String { rawValue }
}

/// What the message list is sorted by (`[ui] sort`).
public enum SortField: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The Date header, falling back to the arrival time.
    case date
    /// The sender's display name or address.
    case from
    /// The subject, without `Re:`/`Fwd:` prefixes.
    case subject
    /// The message's size.
    case size
    /// Threads (RFC 5256 REFERENCES / JWZ), threads ordered by their newest message.
    case thread

    /// The value as written in the config file.
    public var description: String { rawValue }
}

/// A sort field and direction, written `sort = "date"` or `sort = "reverse-date"`.
public struct SortOrder: Sendable, Equatable, CustomStringConvertible {
    /// The field sorted by.
    public var field: SortField
    /// Whether the order is reversed (largest, newest or last first).
    public var reverse: Bool

    /// Creates a sort order.
    public init(field: SortField, reverse: Bool = false) {
        self.field = field
        self.reverse = reverse
    }

    /// Parses `date`, `reverse-date`, `thread`, `reverse-thread`, ...
    public init?(_ text: String) {
        let lowered = text.lowercased()
        let reverse = lowered.hasPrefix("reverse-")
        guard let field = SortField(rawValue: reverse ? String(lowered.dropFirst("reverse-".count)) : lowered) else {
            return nil
        }
        self.init(field: field, reverse: reverse)
    }

    /// Every value `sort` accepts.
    public static var allNames: [String] {
        SortField.allCases.flatMap { [$0.rawValue, "reverse-\($0.rawValue)"] }
    }

    /// The value as written in the config file.
    public var description: String {
        reverse ? "reverse-\(field)" : field.rawValue
    }
}

/// The keys of `[ui]`: how things look.
public struct UISettings: Sendable, Equatable {
    /// The theme's name (`theme`, default `default`).
    public var themeName: String
    /// The screen layout (`layout`, default `full`).
    public var layout: Layout
    /// The sidebar's width in columns (`sidebar_width`, 0 hides it; default 24).
    public var sidebarWidth: Int
    /// The message list's order (`sort`, default `date`).
    public var sort: SortOrder
    /// The strftime(3) format of dates in the message list (`date_format`, default `%Y-%m-%d %H:%M`).
    public var dateFormat: String
    /// Whether to show the HTML part of multipart/alternative rather than the plain text
    /// (`prefer_html`, default false).
    public var preferHTML: Bool

    /// Creates UI settings; every argument defaults to ``ConfigDefaults``.
    public init(
        themeName: String = ConfigDefaults.themeName, layout: Layout = ConfigDefaults.layout,
        sidebarWidth: Int = ConfigDefaults.sidebarWidth, sort: SortOrder = ConfigDefaults.sort,
        dateFormat: String = ConfigDefaults.dateFormat, preferHTML: Bool = ConfigDefaults.preferHTML
    ) {
        self.themeName = themeName
        self.layout = layout
        self.sidebarWidth = sidebarWidth
        self.sort = sort
        self.dateFormat = dateFormat
        self.preferHTML = preferHTML
    }
}

/// The top-level keys: the programs and files tern works with.
public struct GeneralSettings: Sendable, Equatable {
    /// The editor command for composing (`editor`; default `$VISUAL`, then `$EDITOR`, then `vi`).
    public var editor: String
    /// Whether the editor is given the headers too (`edit_headers`, default false).
    public var editHeaders: Bool
    /// The program that opens attachments and URLs without a mailcap entry (`opener`; default
    /// `xdg-open`, `open` on macOS).
    public var opener: String
    /// Where attachments are saved (`download_dir`; default `$XDG_DOWNLOAD_DIR`, else `~/Downloads`).
    public var downloadDirectory: String
    /// Alias files in mutt `alias` format (`alias_files`, default none), paths expanded.
    public var aliasFiles: [String]
    /// An address-book query command, mutt `query_command` style, `%s` replaced by the search
    /// (`query_command`, default none).
    public var queryCommand: String?
    /// The size of the message body cache in MiB (`body_cache_mb`, default 256; 0 disables it).
    public var bodyCacheMB: Int
    /// mailcap files, searched in order (`mailcap_files`; default the RFC 1524 search path).
    public var mailcapFiles: [String]
    /// Where the user writes in a reply (`reply_style`, default `bottom`).
    public var replyStyle: ReplyStyle
    /// Put a `-- ` line above the signature (`signature_dashes`, default true).
    public var signatureDashes: Bool
    /// Send new messages as format=flowed, RFC 3676 (`format_flowed`, default false).
    public var formatFlowed: Bool

    /// Creates general settings.
    public init(
        editor: String, editHeaders: Bool = ConfigDefaults.editHeaders, opener: String,
        downloadDirectory: String, aliasFiles: [String] = [], queryCommand: String? = nil,
        bodyCacheMB: Int = ConfigDefaults.bodyCacheMB, mailcapFiles: [String],
        replyStyle: ReplyStyle = ConfigDefaults.replyStyle, signatureDashes: Bool = ConfigDefaults.signatureDashes,
        formatFlowed: Bool = ConfigDefaults.formatFlowed
    ) {
        self.editor = editor
        self.editHeaders = editHeaders
        self.opener = opener
        self.downloadDirectory = downloadDirectory
        self.aliasFiles = aliasFiles
        self.queryCommand = queryCommand
        self.bodyCacheMB = bodyCacheMB
        self.mailcapFiles = mailcapFiles
        self.replyStyle = replyStyle
        self.signatureDashes = signatureDashes
        self.formatFlowed = formatFlowed
    }
}
