/// The fast path of ``Address/parseList(_:)`` for the plain form almost every header uses:
/// printable ASCII mailboxes `Name Words <local@domain>` or `local@domain`, separated by commas.
///
/// It reads the bytes once and builds each ``Address`` straight from them, without the
/// tokens, phrase strings and filtering of ``AddressParser`` (a first sync of 100,000 messages
/// spent most of its header decoding there). Encoded words (RFC 2047) are taken in display
/// names, decoded as the full parser decodes them. Anything else outside that form (quotes,
/// comments, groups, encoded words elsewhere, domain literals, routes, 8-bit bytes, control
/// characters, a broken element) makes it give up, and the full parser runs instead; whatever it
/// accepts, it reads exactly as the full parser would (the tests compare the two on generated
/// lists).
enum PlainAddressList {
    /// The flattened addresses of `text`, or nil when the text is not in the plain form.
    static func parse(_ text: String) -> [Address]? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The flattened addresses of UTF-8 `bytes`, or nil when they are not in the plain form.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Address]? {
        var addresses: [Address] = []
        var start = 0
        let n = bytes.count
        while start <= n {
            var end = start
            while end < n, bytes[end] != UInt8(ascii: ",") { end += 1 }
            switch element(bytes, start, end) {
            case .empty: break
            case .address(let address): addresses.append(address)
            case .notPlain: return nil
            }
            start = end + 1
        }
        return addresses
    }

    private enum Element {
        case empty
        case address(Address)
        case notPlain
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A
    }

    /// One list element, `bytes[start..<end]` (no comma inside).
    private static func element(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Element {
        var less = -1
        var greater = -1
        var previous: UInt8 = 0
        var blank = true
        // An encoded word may start in the display name (before `<`).
        var encoded = false
        for i in start ..< end {
            let c = bytes[i]
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A:
                break
            case 0x21 ... 0x7E:
                blank = false
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "\\"), UInt8(ascii: ":"), UInt8(ascii: ";"):
                    return .notPlain
                case UInt8(ascii: "<"):
                    if less >= 0 { return .notPlain }
                    less = i
                case UInt8(ascii: ">"):
                    if greater >= 0 || less < 0 { return .notPlain }
                    greater = i
                case UInt8(ascii: "?"):
                    // `=?`: an encoded word may start here (RFC 2047); only a display name may
                    // hold one.
                    if previous == UInt8(ascii: "=") {
                        if less >= 0 { return .notPlain }
                        encoded = true
                    }
                default:
                    break
                }
            default:
                return .notPlain
            }
            previous = c
        }
        if blank { return .empty }
        guard less >= 0 else {
            // A bare addr-spec, white space only around it.
            if encoded { return .notPlain }
            var first = start
            while isSpace(bytes[first]) { first += 1 }
            var last = end
            while isSpace(bytes[last - 1]) { last -= 1 }
            guard let address = addrSpec(bytes, first, last) else { return .notPlain }
            return .address(Address(address: address))
        }
        guard greater > less else { return .notPlain }
        // Only white space after `>`.
        for i in (greater + 1) ..< end where !isSpace(bytes[i]) { return .notPlain }
        guard let address = addrSpec(bytes, less + 1, greater) else { return .notPlain }
        guard let name = phrase(bytes, start, less) else { return .notPlain }
        guard encoded else { return .address(Address(name: name, address: address)) }
        return .address(Address(name: AddressParser.decodeName(name), address: address))
    }

    /// `local@domain` in `bytes[start..<end]`: atext and dots only, one `@`, both sides non-empty,
    /// no white space. The domain's IDNA labels are decoded as the full parser does.
    private static func addrSpec(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var at = -1
        var ace = false
        for i in start ..< end {
            let c = bytes[i]
            if isSpace(c) || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") { return nil }
            if c == UInt8(ascii: "@") {
                if at >= 0 { return nil }
                at = i
            } else if at >= 0, c == UInt8(ascii: "-"), i >= at + 3, bytes[i - 1] == UInt8(ascii: "-"),
                      bytes[i - 2] | 0x20 == UInt8(ascii: "n"), bytes[i - 3] | 0x20 == UInt8(ascii: "x") {
                ace = i - 3 > at
            }
        }
        guard at > start, at + 1 < end else { return nil }
        if ace {
            let local = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< at]), as: UTF8.self)
            let domain = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1) ..< end]), as: UTF8.self)
            return local + "@" + Punycode.toUnicode(domain: domain)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
    }

    /// The display name before `<`: its words joined by single spaces; nil when it holds an `@`
    /// (the full parser reads such names its own way). An empty name is returned as "" (no name).
    private static func phrase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var first = start
        while first < end, isSpace(bytes[first]) { first += 1 }
        var last = end
        while last > first, isSpace(bytes[last - 1]) { last -= 1 }
        var single = true
        var i = first
        while i < last {
            let c = bytes[i]
            if c == UInt8(ascii: "@") { return nil }
            if isSpace(c), c != 0x20 || (i + 1 < last && isSpace(bytes[i + 1])) { single = false }
            i += 1
        }
        if single { return String(decoding: UnsafeBufferPointer(rebasing: bytes[first ..< last]), as: UTF8.self) }
        var words: [UInt8] = []
        words.reserveCapacity(last - first)
        var space = false
        for i in first ..< last {
            if isSpace(bytes[i]) {
                space = true
            } else {
                if space { words.append(0x20) }
                space = false
                words.append(bytes[i])
            }
        }
        return String(decoding: words, as: UTF8.self)
    }
}
