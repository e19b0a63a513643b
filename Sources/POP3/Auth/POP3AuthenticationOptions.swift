/// What the account allows when the client picks a way to log in.
public struct POP3AuthenticationOptions: Sendable, Equatable {
    /// Send credentials over a connection without TLS. Only for accounts with
    /// `security = "none"` and `allow_insecure_auth = true`; false by default.
    public var allowInsecureAuthentication: Bool
    /// Use APOP (RFC 1939 §7) when the greeting carries a timestamp and SASL PLAIN is not
    /// offered. APOP rests on MD5 and a password the server stores in clear; off by default.
    public var allowAPOP: Bool

    /// Options; both default to off.
    public init(allowInsecureAuthentication: Bool = false, allowAPOP: Bool = false) {
        self.allowInsecureAuthentication = allowInsecureAuthentication
        self.allowAPOP = allowAPOP
    }
}
