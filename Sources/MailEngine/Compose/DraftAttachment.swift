import Foundation
import MailCore

/// A file or message attached to a draft.
///
/// A file the user attaches is read when the message is built, so that a file edited after being
/// attached goes out as it is then (as in NeoMutt). Bytes that exist only in memory (the
/// attachments of a forwarded message, a message forwarded whole) are kept in the draft's folder
/// on disk as soon as the draft is saved (``DraftRepository``), so that they survive a crash too.
public struct DraftAttachment: Sendable, Hashable, Codable {
    /// Where the bytes are.
    public enum Source: Sendable, Hashable, Codable {
        /// A file of the user's, read at send time.
        case file(path: String)
        /// A file tern keeps in the draft's folder, removed with the draft.
        case kept(path: String)
        /// Bytes in memory, not saved yet.
        case bytes([UInt8])
    }

    /// The name the recipient sees.
    public var name: String
    /// The MIME type, or nil to guess it from the name and the bytes.
    public var contentType: String?
    /// The size in bytes when it was attached.
    public var size: Int
    /// Where the bytes are.
    public var source: Source
    /// True for a whole message, sent as `message/rfc822`.
    public var isMessage: Bool

    /// An attachment from its fields.
    public init(name: String, contentType: String? = nil, size: Int, source: Source, isMessage: Bool = false) {
        self.name = name
        self.contentType = contentType
        self.size = size
        self.source = source
        self.isMessage = isMessage
    }

    /// An attachment of bytes held in memory.
    public static func bytes(_ data: [UInt8], name: String, contentType: String? = nil, isMessage: Bool = false) -> DraftAttachment {
        DraftAttachment(name: name, contentType: contentType, size: data.count, source: .bytes(data), isMessage: isMessage)
    }

    /// The type shown in the review screen: the chosen type, `message/rfc822`, or `?` and the guess.
    public var displayType: String {
        if isMessage { return "message/rfc822" }
        return contentType ?? MediaTypes.guess(fileName: name, content: [])
    }

    /// The bytes, read from the file when it is one.
    ///
    /// - Throws: ``ComposeError/attachmentUnreadable(name:path:reason:)`` when the file cannot be read.
    public func data() throws -> [UInt8] {
        switch source {
        case .bytes(let data):
            return data
        case .file(let path), .kept(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read (check its permissions)"
                    : "it no longer exists"
                throw ComposeError.attachmentUnreadable(name: name, path: path, reason: reason)
            }
            return [UInt8](data)
        }
    }

    /// The attachment as the builder takes it.
    ///
    /// - Throws: ``ComposeError`` when the file cannot be read.
    public func outgoing() throws -> OutgoingAttachment {
        let data = try data()
        if isMessage { return OutgoingAttachment(filename: name, content: .message(data)) }
        return OutgoingAttachment(filename: name, content: .file(data), contentType: contentType)
    }
}
