import Foundation

extension Maildir {
    /// The file names in `new/` or `cur/`, from the directory entries only (no file is opened or
    /// stat'ed). Dot files are left out. A missing subfolder lists nothing.
    /// - Throws: `MaildirError` when the directory exists but cannot be read.
    public func fileNames(in subfolder: MaildirMessage.Subfolder) throws -> [String] {
        let path = directory.path + "/" + subfolder.rawValue
        guard let handle = opendir(path) else {
            if errno == ENOENT { return [] }
            throw MaildirError.system("list the messages", path: path)
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            if type != UInt8(DT_REG) && type != UInt8(DT_UNKNOWN) && type != UInt8(DT_LNK) { continue }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { pointer -> String? in
                    pointer[0] == 0x2E ? nil : String(cString: pointer)
                }
            }
            if let name { names.append(name) }
        }
        return names
    }

    /// The modification times of `new/` and `cur/`, in nanoseconds since 1970.
    /// - Throws: `MaildirError` when either is missing (the folder was removed).
    public func directoryTimes() throws -> (new: Int64, cur: Int64) {
        func time(_ sub: String) throws -> Int64 {
            let path = directory.path + "/" + sub
            var info = stat()
            if stat(path, &info) != 0 { throw MaildirError.system("read the folder", path: path) }
            return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        }
        return (try time("new"), try time("cur"))
    }
}
