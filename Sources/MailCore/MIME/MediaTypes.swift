/// File extensions and MIME types, both ways, plus content sniffing for attachments.
public enum MediaTypes {
    private static let byExtension: [String: String] = [
        "txt": "text/plain", "text": "text/plain", "log": "text/plain", "md": "text/markdown", "csv": "text/csv",
        "html": "text/html", "htm": "text/html", "xml": "application/xml", "json": "application/json",
        "ics": "text/calendar", "vcf": "text/vcard", "css": "text/css", "js": "text/javascript",
        "pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip", "tgz": "application/gzip",
        "tar": "application/x-tar", "bz2": "application/x-bzip2", "xz": "application/x-xz", "7z": "application/x-7z-compressed",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "svg": "image/svg+xml", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "heic": "image/heic",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav", "flac": "audio/flac", "m4a": "audio/mp4",
        "mp4": "video/mp4", "webm": "video/webm", "mov": "video/quicktime", "mkv": "video/x-matroska",
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "eml": "message/rfc822", "asc": "application/pgp-signature", "sig": "application/pgp-signature",
        "patch": "text/x-diff", "diff": "text/x-diff", "swift": "text/x-swift", "c": "text/x-c", "h": "text/x-c",
        "py": "text/x-python", "sh": "application/x-sh", "rtf": "application/rtf", "epub": "application/epub+zip",
    ]

    private static let extensionByType: [String: String] = {
        var t: [String: String] = [:]
        for (ext, type) in byExtension where t[type] == nil || ext.count == 3 { t[type] = ext }
        t["text/plain"] = "txt"
        t["image/jpeg"] = "jpg"
        t["text/html"] = "html"
        return t
    }()

    /// The extension (with the dot) for a MIME type, `.bin` when unknown.
    public static func fileExtension(for mimeType: String) -> String {
        "." + (extensionByType[mimeType.lowercased()] ?? "bin")
    }

    /// Guesses a MIME type from a file name and the first bytes of the content.
    ///
    /// Magic numbers win over the name for common binary formats; then the extension; then
    /// text (valid UTF-8 without NUL) is `text/plain`, anything else `application/octet-stream`.
    public static func guess(fileName: String, content: ArraySlice<UInt8>) -> String {
        if let sniffed = sniff(content) { return sniffed }
        if let dot = fileName.lastIndex(of: ".") {
            let ext = fileName[fileName.index(after: dot)...].lowercased()
            if let t = byExtension[ext] { return t }
        }
        let sample = content.prefix(8192)
        if !sample.contains(0), sample.withContiguousStorageIfAvailable({ CharsetDecoder.isValidUTF8($0) }) ?? false {
            return "text/plain"
        }
        return "application/octet-stream"
    }

    static func sniff(_ c: ArraySlice<UInt8>) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { c.starts(with: magic) }
        if starts([0x25, 0x50, 0x44, 0x46, 0x2D]) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts([0x1F, 0x8B]) { return "application/gzip" }
        if c.count >= 12, starts(Array("RIFF".utf8)), c.dropFirst(8).starts(with: Array("WEBP".utf8)) { return "image/webp" }
        return nil
    }
}
