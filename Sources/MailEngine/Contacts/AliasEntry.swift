import MailCore

/// One `alias` line of a NeoMutt alias file: `alias [-group NAME]... KEY ADDRESS[, ADDRESS...] [# comment]`.
public struct AliasEntry: Sendable, Hashable {
    /// One member of an alias: an address, or the key of another alias (a group made of aliases).
    public enum Member: Sendable, Hashable {
        /// A mailbox.
        case address(Address)
        /// Another alias, expanded when this one is.
        case alias(String)
    }

    /// The alias's key, as typed in address fields.
    public var key: String
    /// What it stands for, in order.
    public var members: [Member]
    /// The `-group` names it belongs to.
    public var groups: [String]
    /// The comment after `#` on its line, if any.
    public var comment: String?
    /// The file it was read from.
    public var file: String
    /// Its line in that file, from 1.
    public var line: Int

    /// An alias from its fields.
    public init(key: String, members: [Member], groups: [String] = [], comment: String? = nil, file: String = "", line: Int = 0) {
        self.key = key
        self.members = members
        self.groups = groups
        self.comment = comment
        self.file = file
        self.line = line
    }

    /// The single address of an alias for one person, or nil for a group.
    public var singleAddress: Address? {
        guard members.count == 1, case .address(let address) = members[0] else { return nil }
        return address
    }
}

/// Something wrong in an alias file, with where it is.
public struct AliasFileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// What is wrong and what was done about it.
    public var message: String

    /// A problem from its fields.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`.
    public var description: String { "\(file):\(line): \(message)" }
}
