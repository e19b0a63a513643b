/// Charset labels as mail uses them, mapped to the names glibc iconv knows.
///
/// Labels are compared case-insensitively after removing quotes, white space and an RFC 2231
/// language suffix (`utf-8*en`). The usual mislabels are mapped to the superset that the sender
/// really used: ISO-8859-1 and US-ASCII to windows-1252, GB2312/GBK to GB18030, EUC-KR to CP949,
/// Shift_JIS to CP932, Big5 to BIG5-HKSCS.
public enum CharsetName {
    /// What a label resolves to.
    public enum Kind: Equatable, Sendable {
        /// UTF-8 (also US-ASCII: bytes that are not valid UTF-8 are read as windows-1252).
        case utf8
        /// US-ASCII as labelled; 8-bit bytes are read as UTF-8 when valid, else windows-1252.
        case ascii
        /// windows-1252, also for ISO-8859-1 labels (the common mislabel).
        case windows1252
        /// A label meaning "unknown": UTF-8 when valid, else the fallback.
        case unknown
        /// Any other charset, by its iconv name.
        case iconv(String)
    }

    /// The normalised label: lower case, no quotes or white space, no `*language` suffix.
    public static func normalize(_ label: String) -> String {
        var s = label.lowercased().filter { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "\t" }
        if let star = s.firstIndex(of: "*") { s = String(s[..<star]) }
        return s
    }

    private static let table: [String: Kind] = {
        var t: [String: Kind] = [:]
        for l in ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8"] { t[l] = .utf8 }
        for l in ["us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646", "cp367", "ibm367", "iso-ir-6",
                  "csascii", "x-ascii"] { t[l] = .ascii }
        for l in ["iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "latin1", "latin-1", "l1", "cp819",
                  "ibm819", "iso-ir-100", "csisolatin1", "windows-1252", "cp1252", "x-cp1252", "cp-1252", "win-1252",
                  "8859-1", "iso88591", "ms-ansi", "ansi"] { t[l] = .windows1252 }
        for l in ["unknown-8bit", "x-unknown", "unknown", "x-user-defined", "default", "8bit", "charset",
                  "none", "x-unknown-8bit", ""] { t[l] = .unknown }
        for l in ["ks_c_5601-1987", "ks_c_5601", "ks_c_5601-1989", "euc-kr", "ksc5601", "ksc_5601", "x-windows-949",
                  "cp949", "korean", "csksc56011987", "iso-ir-149", "windows-949", "uhc"] { t[l] = .iconv("CP949") }
        for l in ["gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "chinese", "gb_2312-80", "csgb2312", "gb18030",
                  "x-euc-cn", "iso-ir-58", "windows-936", "ms936", "x-gb18030", "gb_2312", "gb-2312", "hz-gb-2312"]
        { t[l] = .iconv(l == "hz-gb-2312" ? "HZ" : "GB18030") }
        for l in ["big5", "x-big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "windows-950"] {
            t[l] = .iconv("BIG5-HKSCS")
        }
        for l in ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932",
                  "ms932", "x-ms-cp932", "shiftjis"] { t[l] = .iconv("CP932") }
        for l in ["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese", "eucjp", "x-eucjp"] { t[l] = .iconv("EUC-JP-MS") }
        for l in ["iso-2022-jp", "csiso2022jp", "iso-2022-jp-2", "iso-2022-jp-1"] { t[l] = .iconv("ISO-2022-JP-2") }
        for l in ["tis-620", "windows-874", "iso-8859-11", "cp874", "x-windows-874"] { t[l] = .iconv("CP874") }
        for l in ["utf-7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "csunicode11utf7"] { t[l] = .iconv("UTF-7") }
        for l in ["koi8-r", "koi8", "cskoi8r", "koi"] { t[l] = .iconv("KOI8-R") }
        for l in ["koi8-u", "koi8-ru"] { t[l] = .iconv("KOI8-U") }
        for l in ["ucs-2", "iso-10646-ucs-2", "csunicode"] { t[l] = .iconv("UCS-2") }
        for l in ["utf-16", "unicode", "utf16"] { t[l] = .iconv("UTF-16") }
        t["utf-16le"] = .iconv("UTF-16LE")
        t["utf-16be"] = .iconv("UTF-16BE")
        t["utf-32"] = .iconv("UTF-32")
        t["utf-32le"] = .iconv("UTF-32LE")
        t["utf-32be"] = .iconv("UTF-32BE")
        return t
    }()

    /// Resolves a label to what decodes it.
    ///
    /// - Parameter label: The charset label from a message, or nil when none was given.
    public static func resolve(_ label: String?) -> Kind {
        guard let label else { return .ascii }
        var n = normalize(label)
        if let k = table[n] { return k }
        // iso-8859-8-i, iso-8859-6-e: logical/explicit ordering variants of the same charset.
        if n.hasPrefix("iso-8859-"), n.hasSuffix("-i") || n.hasSuffix("-e") { n.removeLast(2) }
        if n.hasPrefix("iso8859-") { n = "iso-8859-" + n.dropFirst(8) }
        if n.hasPrefix("iso_8859-") { n = "iso-8859-" + n.dropFirst(9) }
        if n.hasPrefix("cp125") { n = "windows-125" + n.dropFirst(5) }
        if n.hasPrefix("x-mac-") { n = "mac" + n.dropFirst(6) }
        if let k = table[n] { return k }
        return .iconv(n.uppercased())
    }
}
