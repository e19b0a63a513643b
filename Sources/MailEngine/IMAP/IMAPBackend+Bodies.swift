import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// Message bodies: fetched on demand (BODY.PEEK[], so reading does not mark the message seen by
/// itself) and kept in the size-bounded disk cache.
extension IMAPBackend {
    /// The complete bytes of a message, from the body cache or the server. The cache's
    /// attachment guess is replaced by the exact answer.
    /// - Throws: `BackendError.noSuchMessage` when the server no longer has it.
    public func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8] {
        let (path, name) = try await resolve(folder)
        let box = try cache.mailbox(path)
        if let box, let bytes = bodies?.read(uid, in: path, uidValidity: box.uidValidity) { return bytes }
        let bytes = try await withConnection { connection -> [UInt8] in
            try await self.selectForChange(connection, path, name)
            guard let bytes = try await connection.fetchMessage(uid: uid) else {
                throw BackendError.noSuchMessage(uid, folder: path)
            }
            return bytes
        }
        if let box {
            bodies?.store(bytes, uid: uid, in: path, uidValidity: box.uidValidity)
            if let cached = try cache.message(uid, in: path), !cached.hasAttachmentsIsExact {
                let exact = !Message(bytes: bytes).attachments().isEmpty
                try cache.write { try $0.setHasAttachments(uid, in: box, exact) }
            }
        }
        return bytes
    }
}
