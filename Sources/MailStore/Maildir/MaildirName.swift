import Foundation
import MailCore

/// The file name of a message in a Maildir: a unique part and, in `cur/`, the `:2,FLAGS` info.
///
/// See https://cr.yp.to/proto/maildir.html. Flags are the letters `D F P R S T` in ASCII order.
public struct MaildirName: Hashable, Sendable, CustomStringConvertible {
    /// The unique part, before the `:` (stable for the life of the message).
    public let unique: String
    /// The flags from the `:2,` info; empty for messages in `new/`.
    public var flags: Set<Flag>
    /// Info letters that tern does not know (lower-case Dovecot keywords `a`...`z`), kept as they are.
    public var otherInfo: String

    /// A name from its parts.
    public init(unique: String, flags: Set<Flag> = [], otherInfo: String = "") {
        self.unique = unique
        self.flags = flags
        self.otherInfo = otherInfo
    }

    /// Parses a file name; everything after the first `:2,` is info, flags are read from it.
    /// A name without info (as in `new/`) has no flags.
    public init(fileName: String) {
        guard let colon = fileName.firstIndex(of: ":") else {
            self.init(unique: fileName)
            return
        }
        let unique = String(fileName[..<colon])
        let info = fileName[fileName.index(after: colon)...]
        guard info.hasPrefix("2,") else {
            self.init(unique: unique, otherInfo: String(info))
            return
        }
        var flags = Set<Flag>()
        var other = ""
        for letter in info.dropFirst(2) {
            if let flag = Flag(maildirLetter: letter) { flags.insert(flag) } else { other.append(letter) }
        }
        self.init(unique: unique, flags: flags, otherInfo: other)
    }

    /// The name for `cur/`: unique part, `:2,`, then flag letters sorted, then other info letters.
    public var fileName: String {
        let letters = flags.compactMap(\.maildirLetter).sorted()
        return unique + ":2," + String(letters) + otherInfo
    }

    public var description: String { fileName }
}

/// Makes names that are unique per the Maildir spec: `SECONDS.M<usec>P<pid>Q<n>R<random>.HOST`.
public final class MaildirNameGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64 = 0
    private let host: String

    /// A generator for this host (the host name has `/` and `:` escaped as the spec requires).
    public init(hostName: String = ProcessInfo.processInfo.hostName) {
        self.host = hostName
            .replacingOccurrences(of: "/", with: "\\057")
            .replacingOccurrences(of: ":", with: "\\072")
    }

    /// The generator shared by the process (its counter keeps names unique within one process).
    public static let shared = MaildirNameGenerator()

    /// A new unique part for a message delivered now.
    public func next() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        lock.lock()
        counter += 1
        let n = counter
        lock.unlock()
        let random = UInt32.random(in: 0 ... UInt32.max)
        return "\(tv.tv_sec).M\(tv.tv_usec)P\(getpid())Q\(n)R\(String(random, radix: 16)).\(host)"
    }
}
