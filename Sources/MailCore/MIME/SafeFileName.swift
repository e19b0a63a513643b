/// File names from messages made safe to create in a folder the user chose.
public enum SafeFileName {
    /// The longest name produced, in UTF-8 bytes (the usual file system limit).
    public static let maxBytes = 255

    /// A safe base name for `proposed`.
    ///
    /// Only the last path component is kept (after `/` or `\`); NUL, control characters and
    /// bidi overrides become `_`; leading dots, dashes and spaces and trailing dots and spaces are
    /// removed; `.` and `..` never survive; the name is shortened to ``maxBytes`` keeping its
    /// extension; an empty result becomes `attachment` plus an extension for `mimeType`.
    /// - Parameters:
    ///   - proposed: The name from the message, or nil.
    ///   - mimeType: The part's type, for the extension of a generated name.
    /// - Returns: A non-empty name with no path separators.
    public static func make(_ proposed: String?, mimeType: String = "application/octet-stream") -> String {
        var name = proposed ?? ""
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
            name = String(name[name.index(after: slash)...])
        }
        var scalars = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            switch s.value {
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFEFF:
                scalars.append("_")
            default:
                scalars.append(s)
            }
        }
        name = String(scalars)
        while let f = name.first, f == "." || f == "-" || f == " " || f == "~" { name.removeFirst() }
        while let l = name.last, l == "." || l == " " { name.removeLast() }
        if name.isEmpty {
            name = "attachment" + MediaTypes.fileExtension(for: mimeType)
        }
        return truncate(name)
    }

    /// `name (n).ext` for the n-th alternative when `name` exists.
    public static func numbered(_ name: String, _ n: Int) -> String {
        let (stem, ext) = split(name)
        return truncate("\(stem) (\(n))\(ext)")
    }

    static func split(_ name: String) -> (String, String) {
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let ext = name[dot...]
            if ext.count <= 10 { return (String(name[..<dot]), String(ext)) }
        }
        return (name, "")
    }

    static func truncate(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        let (stem, ext) = split(name)
        var s = ""
        for ch in stem {
            if s.utf8.count + String(ch).utf8.count + ext.utf8.count > maxBytes { break }
            s.append(ch)
        }
        return s + ext
    }
}
