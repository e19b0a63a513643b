import MailCore

/// A sender identity of an account: its `from` address, or one listed in `identities`.
public struct Identity: Sendable, Equatable, CustomStringConvertible {
    /// The identity's name (the key in `identities = { work = "..." }`), or nil.
    public var name: String?
    /// The address to put in From.
    public var address: Address

    /// Creates an identity.
    public init(name: String?, address: Address) {
        self.name = name
        self.address = address
    }

    /// `name: Address <addr>` or the address alone.
    public var description: String {
        name.map { "\($0): \(address)" } ?? address.description
    }
}

/// Where a signature comes from (`signature_file` or `signature_command`).
public enum SignatureSource: Sendable, Equatable, CustomStringConvertible {
    /// A file whose text is appended, path expanded.
    case file(String)
    /// A command whose standard output is appended.
    case command(String)

    /// `file PATH` or `command COMMAND`.
    public var description: String {
        switch self {
        case .file(let path): return "file \(path)"
        case .command(let command): return "command \(command)"
        }
    }
}
