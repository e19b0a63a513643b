#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// MD5 (RFC 1321) and HMAC-MD5 (RFC 2104), for SASL CRAM-MD5 (RFC 2195) only. MD5 does not resist
/// collisions; CRAM-MD5 is offered because old servers have nothing better, and is chosen over
/// PLAIN only on connections without TLS that the account explicitly allows.
enum HMACMD5 {
    /// HMAC-MD5 of `message` with `key`, as 32 lower-case hexadecimal digits.
    static func hexDigest(key: [UInt8], message: [UInt8]) -> String {
        var block = key.count > 64 ? md5(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = md5(block.map { $0 ^ 0x36 } + message)
        let outer = md5(block.map { $0 ^ 0x5C } + inner)
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: outer.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// The per-round left rotations of RFC 1321 §3.4.
    private static let rotations: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]

    /// T[i] = floor(2^32 * abs(sin(i + 1))), RFC 1321 §3.4.
    private static let table: [UInt32] = (0..<64).map { UInt32(abs(sin(Double($0 + 1))) * 4_294_967_296.0) }

    /// The 16-byte MD5 digest of `message`.
    static func md5(_ message: [UInt8]) -> [UInt8] {
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 0, to: 64, by: 8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
        var words = [UInt32](repeating: 0, count: 16)
        for blockStart in stride(from: 0, to: data.count, by: 64) {
            for index in 0..<16 {
                let at = blockStart + index * 4
                words[index] = UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16
                    | UInt32(data[at + 3]) << 24
            }
            var (a, b, c, d) = state
            for round in 0..<64 {
                let mixed: UInt32
                let word: Int
                switch round / 16 {
                case 0: mixed = (b & c) | (~b & d); word = round
                case 1: mixed = (d & b) | (~d & c); word = (5 * round + 1) % 16
                case 2: mixed = b ^ c ^ d; word = (3 * round + 5) % 16
                default: mixed = c ^ (b | ~d); word = (7 * round) % 16
                }
                let sum = a &+ mixed &+ table[round] &+ words[word]
                let shift = rotations[(round / 16) * 4 + round % 4]
                (a, d, c) = (d, c, b)
                b = b &+ (sum << shift | sum >> (32 - shift))
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
        }
        var out: [UInt8] = []
        for word in [state.0, state.1, state.2, state.3] {
            for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }
}
