/// The NAMESPACE answer (RFC 2342, RFC 9051 §7.3.3): the prefixes and delimiters of the
/// personal, other users' and shared mailboxes.
///
/// ```
/// S: * NAMESPACE (("" "/")) (("~" "/")) NIL
/// ```
public struct NamespaceResponse: Hashable, Sendable {
    /// One namespace.
    public struct Description: Hashable, Sendable {
        /// The prefix (`INBOX.` on Courier, empty on Dovecot).
        public var prefix: MailboxName
        /// The hierarchy delimiter, or nil.
        public var delimiter: Character?

        /// A namespace from its parts.
        public init(prefix: MailboxName, delimiter: Character?) {
            self.prefix = prefix
            self.delimiter = delimiter
        }
    }

    /// The user's own mailboxes.
    public var personal: [Description]
    /// Other users' mailboxes.
    public var otherUsers: [Description]
    /// Shared mailboxes.
    public var shared: [Description]

    /// A response from its parts.
    public init(personal: [Description], otherUsers: [Description], shared: [Description]) {
        self.personal = personal
        self.otherUsers = otherUsers
        self.shared = shared
    }
}

extension GrammarParser {
    // namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
    /// The three namespaces (after `NAMESPACE SP`).
    mutating func parseNamespaceResponse() throws(ParseFailure) -> NamespaceResponse {
        let personal = try parseNamespace()
        try parseSpace()
        let other = try parseNamespace()
        try parseSpace()
        let shared = try parseNamespace()
        return NamespaceResponse(personal: personal, otherUsers: other, shared: shared)
    }

    // namespace = nil / "(" 1*namespace-descr ")"
    // namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil) [namespace-response-extensions] ")"
    private mutating func parseNamespace() throws(ParseFailure) -> [NamespaceResponse.Description] {
        if consumeNIL() { return [] }
        var descriptions: [NamespaceResponse.Description] = []
        try openList()
        while !consumeListEnd() {
            try openList()
            let prefix = MailboxName(bytes: bytes(of: try parseString()))
            try parseSpace()
            var delimiter: Character?
            if !consumeNIL(), let first = bytes(of: try parseQuoted()).first {
                delimiter = Character(Unicode.Scalar(first))
            }
            while !consumeListEnd() {
                try parseSpace()
                try skipValue()
            }
            descriptions.append(NamespaceResponse.Description(prefix: prefix, delimiter: delimiter))
        }
        return descriptions
    }
}
