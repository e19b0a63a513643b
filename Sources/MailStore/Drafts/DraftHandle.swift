import Foundation

/// One open draft on disk, locked against other composers until ``release()``, ``remove()`` or
/// the end of the process.
public final class DraftHandle: Sendable {
    static let stateName = "draft.json"
    static let editorName = "message.txt"
    static let partsName = "parts"

    /// The draft's id.
    public let id: String
    /// Its folder.
    public let directory: String
    private let lock: DraftLock

    init(id: String, directory: String, lock: DraftLock) {
        self.id = id
        self.directory = directory
        self.lock = lock
    }

    /// The file the editor works on (mode 0600).
    public var editorFile: String { (directory as NSString).appendingPathComponent(Self.editorName) }

    private var stateFile: String { (directory as NSString).appendingPathComponent(Self.stateName) }

    /// Saves the draft's state (atomically, fsynced).
    ///
    /// - Throws: ``DraftStoreError`` when the disk refuses.
    public func writeState(_ bytes: [UInt8]) throws {
        try DraftFiles.writeAtomically(bytes, to: stateFile, operation: "save the draft")
    }

    /// The state last saved, or nil.
    public func readState() throws -> [UInt8]? {
        try DraftFiles.read(stateFile)
    }

    /// Writes the editor file (atomically, fsynced, mode 0600).
    ///
    /// - Throws: ``DraftStoreError`` when the disk refuses.
    public func writeEditorFile(_ bytes: [UInt8]) throws {
        try DraftFiles.writeAtomically(bytes, to: editorFile, operation: "write the file for the editor")
    }

    /// The editor file as it is now, or nil when there is none.
    ///
    /// - Throws: ``DraftStoreError`` when it exists but cannot be read.
    public func readEditorFile() throws -> [UInt8]? {
        try DraftFiles.read(editorFile)
    }

    /// Keeps attachment bytes in the draft's `parts/` folder (fsynced) and returns the file's path.
    ///
    /// - Parameters:
    ///   - bytes: the attachment.
    ///   - index: a number unique within the draft (the file is named after it, not after the
    ///     attachment, whose name comes from a message).
    public func keep(_ bytes: [UInt8], index: Int) throws -> String {
        let parts = (directory as NSString).appendingPathComponent(Self.partsName)
        try DraftFiles.makeDirectory(parts)
        let path = (parts as NSString).appendingPathComponent("part-\(index)")
        try DraftFiles.writeAtomically(bytes, to: path, operation: "keep an attachment of the draft")
        return path
    }

    /// True when `path` is a file this draft keeps (in its `parts/` folder).
    public func isKept(_ path: String) -> Bool {
        path.hasPrefix((directory as NSString).appendingPathComponent(Self.partsName) + "/")
    }

    /// Removes a kept attachment file (one the user removed from the draft).
    public func discardKept(_ path: String) {
        if isKept(path) { unlink(path) }
    }

    /// Deletes the draft from disk (after it was sent or postponed, or when the user discards it)
    /// and releases the lock.
    ///
    /// - Throws: ``DraftStoreError`` when it cannot be removed.
    public func remove() throws {
        defer { lock.release() }
        do {
            try FileManager.default.removeItem(atPath: directory)
        } catch {
            throw DraftStoreError(operation: "remove the draft", path: directory, reason: error.localizedDescription)
        }
        try? DraftFiles.syncDirectory((directory as NSString).deletingLastPathComponent, operation: "remove the draft")
    }

    /// Gives up the lock, leaving the draft on disk (to be recovered later).
    public func release() {
        lock.release()
    }
}
