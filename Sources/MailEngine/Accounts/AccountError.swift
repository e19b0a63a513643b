import TernConfig

/// Problems choosing or opening an account, with what to do.
public enum AccountError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No account has this name; `known` lists the configured ones.
    case unknownAccount(String, known: [String], file: String)
    /// The account's kind has no backend in this build.
    case notAvailable(account: String, kind: String, issue: Int)

    public var description: String {
        switch self {
        case .unknownAccount(let name, let known, let file):
            let list = known.map { "\"\($0)\"" }.joined(separator: ", ")
            return "there is no account \"\(name)\" in \(file); the accounts are: \(list). Use --account with one of them."
        case .notAvailable(let account, let kind, let issue):
            return "account \"\(account)\" is an \(kind) account, and \(kind) accounts are not available yet in this build of tern (issue #\(issue)); a Maildir or POP3 account works today."
        }
    }
}

extension Configuration {
    /// The account called `name`, or the default account when `name` is nil.
    /// - Throws: `AccountError.unknownAccount` listing the configured names.
    public func account(selecting name: String?) throws -> Account {
        guard let name else { return defaultAccount }
        if let account = account(named: name) { return account }
        throw AccountError.unknownAccount(name, known: accounts.map(\.name), file: file)
    }
}
