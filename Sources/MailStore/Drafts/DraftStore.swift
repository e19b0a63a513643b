import Foundation

/// The drafts of one account on disk, so that a message being written survives a crash of the
/// terminal or of tern (ARCHITECTURE.md: "a composed message exists on disk before the editor
/// closes").
///
/// Each draft is a private folder (mode 0700) under ``directory``:
/// - `draft.json`: the draft's state, as the composer encodes it (opaque here);
/// - `message.txt`: the file the editor works on (mode 0600);
/// - `parts/`: attachment bytes tern keeps (a forwarded message's attachments);
/// - `lock`: locked (flock) while a composer has the draft open.
///
/// Every write is atomic and fsynced. A draft is removed once it is sent or postponed to the
/// Drafts folder; the drafts left at start are the ones to offer for recovery (``list()``).
public struct DraftStore: Sendable {
    /// The folder holding the drafts.
    public let directory: String

    /// A store in `directory` (created when the first draft is).
    public init(directory: String) {
        self.directory = directory
    }

    /// Creates a new draft folder and opens it (locked).
    ///
    /// - Throws: ``DraftStoreError`` when the folder cannot be created.
    public func create(now: Date = Date()) throws -> DraftHandle {
        try DraftFiles.makeDirectory(directory)
        for _ in 0..<16 {
            let id = Self.makeID(now: now)
            let path = (directory as NSString).appendingPathComponent(id)
            if mkdir(path, 0o700) != 0 {
                if errno == EEXIST { continue }
                throw DraftStoreError.system("create a draft", path: path)
            }
            guard let lock = try DraftLock.acquire(directory: path) else { continue }
            try DraftFiles.syncDirectory(directory, operation: "create a draft")
            return DraftHandle(id: id, directory: path, lock: lock)
        }
        throw DraftStoreError(operation: "create a draft", path: directory, reason: "no free name was found")
    }

    /// Opens an existing draft (to recover it), taking its lock.
    ///
    /// - Throws: ``DraftStoreError`` when the draft does not exist or another tern has it open.
    public func open(id: String) throws -> DraftHandle {
        guard Self.isValidID(id) else {
            throw DraftStoreError(operation: "open the draft", path: id, reason: "this is not the name of a draft")
        }
        let path = (directory as NSString).appendingPathComponent(id)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DraftStoreError(operation: "open the draft", path: path, reason: "it no longer exists")
        }
        guard let lock = try DraftLock.acquire(directory: path) else {
            throw DraftStoreError(operation: "open the draft", path: path, reason: "another tern is editing it")
        }
        return DraftHandle(id: id, directory: path, lock: lock)
    }

    /// Every draft on disk, oldest first, with its state and editor file.
    ///
    /// - Throws: ``DraftStoreError`` when the folder exists but cannot be listed.
    public func list() throws -> [StoredDraft] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DraftStoreError(operation: "list the drafts", path: directory, reason: error.localizedDescription)
        }
        var drafts: [StoredDraft] = []
        for id in names.sorted() where Self.isValidID(id) {
            let path = (directory as NSString).appendingPathComponent(id)
            let statePath = (path as NSString).appendingPathComponent(DraftHandle.stateName)
            let editorPath = (path as NSString).appendingPathComponent(DraftHandle.editorName)
            let state = try? DraftFiles.read(statePath)
            let editor = try? DraftFiles.read(editorPath)
            guard state != nil || editor != nil else { continue }
            let modified = [DraftFiles.modified(statePath), DraftFiles.modified(editorPath)].compactMap { $0 }.max()
            drafts.append(StoredDraft(id: id, directory: path, state: state ?? nil, editorText: editor ?? nil,
                                      modified: modified ?? Date(timeIntervalSince1970: 0),
                                      inUse: DraftLock.isHeld(directory: path)))
        }
        return drafts
    }

    /// Removes the folders of drafts that hold nothing (created, then the process died before the
    /// first save) and are not in use.
    public func removeEmpty() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for id in names where Self.isValidID(id) {
            let path = (directory as NSString).appendingPathComponent(id)
            let hasContent = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(DraftHandle.stateName))
                || FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(DraftHandle.editorName))
            if !hasContent, !DraftLock.isHeld(directory: path) { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// `20250102T030405-1a2b3c4d`: sortable by creation time, unique with its random part.
    static func makeID(now: Date) -> String {
        var time = time_t(now.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        let stamp = String(format: "%04d%02d%02dT%02d%02d%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                           Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        return stamp + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// True for names ``makeID(now:)`` makes (so nothing else in the folder is taken for a draft,
    /// and no id can name a path outside it).
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count < 64 && id.utf8.allSatisfy { b in
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
                || b == UInt8(ascii: "T") || b == UInt8(ascii: "-")
        }
    }
}

/// A draft found on disk.
public struct StoredDraft: Sendable, Hashable {
    /// Its id (the folder's name).
    public var id: String
    /// Its folder.
    public var directory: String
    /// The state last saved, if any.
    public var state: [UInt8]?
    /// The editor file as it is now (possibly saved by an editor after the state), if any.
    public var editorText: [UInt8]?
    /// When it was last written.
    public var modified: Date
    /// True when a composer (this tern or another) has it open.
    public var inUse: Bool
}
