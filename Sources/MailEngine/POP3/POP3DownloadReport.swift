/// What a POP3 download did.
public struct POP3DownloadReport: Sendable, Equatable {
    /// Messages the server listed.
    public var listed = 0
    /// Messages downloaded into the Maildir in this run.
    public var downloaded = 0
    /// Bytes written to the Maildir for them.
    public var downloadedBytes = 0
    /// The Maildir names (unique parts) of the downloaded messages, in server order.
    public var newMessages: [String] = []
    /// Listed messages that an earlier run had already downloaded.
    public var alreadyDownloaded = 0
    /// Downloads an interrupted run had finished, found in the Maildir and recorded now.
    public var recovered = 0
    /// Messages deleted from the server (DELE, then a successful QUIT).
    public var deletedFromServer = 0
    /// Messages left on the server at the end.
    public var leftOnServer = 0
    /// Messages the server refused to send (`-ERR` to RETR); they stay on the server.
    public var failed = 0
    /// Problems that did not stop the download (no UIDL, refused messages, ...), for the user.
    public var warnings: [String] = []

    /// An empty report.
    public init() {}

    /// `downloaded 12 messages (3.1 MB), deleted 12 from the server, 0 left there`.
    public var summary: String {
        var parts: [String] = []
        parts.append(downloaded == 1 ? "downloaded 1 message" : "downloaded \(downloaded) messages")
        if downloaded > 0 { parts[0] += " (\(ByteCountText.format(downloadedBytes)))" }
        if recovered > 0 { parts.append("recovered \(recovered) from an interrupted run") }
        parts.append("deleted \(deletedFromServer) from the server")
        parts.append("\(leftOnServer) left there")
        if failed > 0 { parts.append("\(failed) refused by the server") }
        return parts.joined(separator: ", ")
    }
}
