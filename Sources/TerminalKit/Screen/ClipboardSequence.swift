/// The terminal's own clipboard: the OSC 52 control sequence (`ESC ] 52 ; c ; BASE64 BEL`), which
/// xterm, kitty, WezTerm, foot, iTerm2, Alacritty and tmux (with `set-clipboard on`) turn into a copy
/// to the system clipboard. It works over ssh, where no desktop clipboard program can be reached.
public enum ClipboardSequence {
    /// The longest text sent: terminals limit the sequence (xterm: about 100 KB of base64).
    public static let maximumBytes = 74_994

    /// The OSC 52 sequence that puts `text` on the clipboard (selection `c`), or nil when the text
    /// is longer than ``maximumBytes`` as UTF-8.
    public static func osc52(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumBytes else { return nil }
        return Array("\u{1B}]52;c;".utf8) + base64(bytes) + [0x07]
    }

    /// RFC 4648 base64 of `bytes`, with padding.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            var n = UInt32(bytes[i]) << 16
            if rest == 2 { n |= UInt32(bytes[i + 1]) << 8 }
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return out
    }
}
