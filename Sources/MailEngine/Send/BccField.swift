/// Puts the Bcc recipients back into a message's header: for the sender's own Sent copy (so the
/// user sees whom it went to, as RFC 5322 §3.6.3 allows) and for `sendmail -t`, which reads its
/// recipients from the header and removes the Bcc field itself.
enum BccField {
    /// `message` with `Bcc: a, b` added as the last header field, in the message's own line-end
    /// style; unchanged when `bcc` is empty.
    static func adding(_ bcc: [String], to message: [UInt8]) -> [UInt8] {
        guard !bcc.isEmpty else { return message }
        // The end of the header: the first empty line (CRLF CRLF or LF LF), or the end.
        var index = 0
        var insertAt = message.count
        var lineEnd: [UInt8] = [0x0D, 0x0A]
        var firstLine = true
        while index < message.count {
            var end = index
            while end < message.count, message[end] != 0x0A { end += 1 }
            let hasCR = end > index && message[end - 1] == 0x0D
            if firstLine {
                lineEnd = hasCR || end == message.count ? [0x0D, 0x0A] : [0x0A]
                firstLine = false
            }
            if end - index == (hasCR ? 1 : 0), end < message.count {
                insertAt = index
                break
            }
            index = end + 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        out += message[0..<insertAt]
        if insertAt == message.count, let last = message.last, last != 0x0A { out += lineEnd }
        out += Array("Bcc: \(bcc.joined(separator: ", "))".utf8) + lineEnd
        out += message[insertAt...]
        return out
    }
}
