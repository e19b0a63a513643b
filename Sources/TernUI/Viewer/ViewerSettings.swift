import Foundation
import TernConfig

/// The settings of the viewer and its attachment screen: the programs it starts and the folder
/// saves start in.
public struct ViewerSettings: Sendable, Hashable {
    /// The program that opens URLs and attachments without a mailcap entry (`opener`).
    public var opener: String
    /// The folder the save prompt starts in (`download_dir`; the current folder when it is missing).
    public var downloadDirectory: String
    /// The mailcap files, searched in order (`mailcap_files`).
    public var mailcapFiles: [String]
    /// Fold long quoted blocks when a message opens (`T` toggles).
    public var foldQuotes: Bool

    /// Settings; the defaults are the config's, read from `environment`.
    public init(opener: String = ConfigDefaults.opener,
                downloadDirectory: String? = nil, mailcapFiles: [String]? = nil, foldQuotes: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.opener = opener
        self.downloadDirectory = downloadDirectory ?? ConfigDefaults.downloadDirectory(environment: environment)
        self.mailcapFiles = mailcapFiles ?? ConfigDefaults.mailcapFiles(environment: environment)
        self.foldQuotes = foldQuotes
    }

    /// The viewer settings of a loaded config.
    public init(_ general: GeneralSettings) {
        self.init(opener: general.opener, downloadDirectory: general.downloadDirectory, mailcapFiles: general.mailcapFiles)
    }
}
