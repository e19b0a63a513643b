import Foundation
import MailCore
import MailStore

/// One draft being composed, saved on disk at every step: before the editor opens, after it
/// closes, after every change in the composer. Holds the draft's lock until it is sent,
/// postponed, discarded or released.
///
/// Not thread-safe: one composer uses it, on one thread at a time.
public final class DraftSession: @unchecked Sendable {
    /// The draft's files.
    public let handle: DraftHandle
    /// The draft as last saved.
    public private(set) var draft: Draft
    /// The editor file has the header block (`edit_headers`).
    public private(set) var editHeaders: Bool
    /// The editor file holds text that has not been read back into the draft (it had problems):
    /// the next edit opens it as it is rather than writing it anew from the draft.
    public internal(set) var editorFilePending = false
    private var editorDigest: UInt64?
    private var nextPart = 0

    init(handle: DraftHandle, draft: Draft, editHeaders: Bool = false) {
        self.handle = handle
        self.draft = draft
        self.editHeaders = editHeaders
    }

    /// The draft's id on disk.
    public var id: String { handle.id }

    /// Saves `draft` (or the current one): attachment bytes held in memory are first kept in the
    /// draft's folder, then the state is written atomically and fsynced.
    ///
    /// - Throws: ``DraftStoreError`` when the disk refuses; the previous save stays on disk.
    public func save(_ draft: Draft? = nil) throws {
        var updated = draft ?? self.draft
        for i in updated.attachments.indices {
            if case .bytes(let data) = updated.attachments[i].source {
                let path = try handle.keep(data, index: nextFreePart())
                updated.attachments[i].source = .kept(path: path)
            }
        }
        // Kept files no longer attached are removed.
        let stillKept = Set(updated.attachments.compactMap { a -> String? in
            if case .kept(let path) = a.source { return path } else { return nil }
        })
        for a in self.draft.attachments {
            if case .kept(let path) = a.source, !stillKept.contains(path) { handle.discardKept(path) }
        }
        let state = DraftState(draft: updated, editHeaders: editHeaders, editorDigest: editorDigest,
                               editorPending: editorFilePending ? true : nil, savedAt: Date())
        try handle.writeState(try state.encode())
        self.draft = updated
    }

    private func nextFreePart() -> Int {
        while FileManager.default.fileExists(atPath: (handle.directory as NSString).appendingPathComponent("parts/part-\(nextPart)")) {
            nextPart += 1
        }
        defer { nextPart += 1 }
        return nextPart
    }

    /// Writes the editor file for `draft` and saves the draft, then says how to run the editor.
    ///
    /// When the file holds text that could not be read back last time, it is left as it is.
    ///
    /// - Parameters:
    ///   - draft: the draft to edit.
    ///   - editor: the `editor` setting.
    ///   - editHeaders: put the header block in the file.
    /// - Throws: ``DraftStoreError`` when the disk refuses.
    public func prepareEditor(_ draft: Draft, editor: String, editHeaders: Bool) throws -> EditorLaunch {
        var line: Int?
        if !editorFilePending {
            self.editHeaders = editHeaders
            let rendered = EditorFile.render(draft, headers: editHeaders)
            let bytes = Array(rendered.text.utf8)
            try handle.writeEditorFile(bytes)
            editorDigest = DraftState.digest(bytes)
            line = draft.cursorLine == nil ? nil : rendered.cursorLine
        }
        try save(draft)
        return EditorLaunch(editor: editor, file: handle.editorFile, line: line)
    }

    /// Reads the editor file back after the editor closed and saves the result.
    ///
    /// - Parameters:
    ///   - reader: how address fields are read (aliases).
    ///   - directory: where relative `Attach:` paths start.
    /// - Returns: the reading: the new draft (already saved), or the problems, in which case the
    ///   file is kept as it is for the next edit.
    /// - Throws: ``DraftStoreError`` when the file cannot be read or the draft saved.
    public func finishEditor(reader: AddressFieldReader = AddressFieldReader(),
                             directory: String = FileManager.default.currentDirectoryPath) throws -> EditorFile.ReadResult {
        guard let bytes = try handle.readEditorFile() else {
            throw DraftStoreError(operation: "read the text back from the editor", path: handle.editorFile,
                                  reason: "the file is gone (was it moved or deleted from the editor?)")
        }
        let result = EditorFile.read(String(decoding: bytes, as: UTF8.self), into: draft, headers: editHeaders,
                                     reader: reader, directory: directory)
        if let updated = result.draft {
            editorFilePending = false
            editorDigest = DraftState.digest(bytes)
            try save(updated)
        } else {
            editorFilePending = true
            try save()
        }
        return result
    }

    /// Deletes the draft from disk (sent, postponed or discarded).
    ///
    /// - Throws: ``DraftStoreError`` when it cannot be removed.
    public func remove() throws {
        try handle.remove()
    }

    /// Leaves the draft on disk for a later recovery and gives up its lock.
    public func release() {
        handle.release()
    }
}
