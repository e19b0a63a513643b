/// The status word of a status response (RFC 9051 §7.1).
public enum ResponseStatus: String, Hashable, Sendable {
    /// `OK`: success (or, untagged, information).
    case ok = "OK"
    /// `NO`: the command failed; the session goes on.
    case no = "NO"
    /// `BAD`: the command was not understood, or the server has a protocol problem.
    case bad = "BAD"
    /// `PREAUTH`: the greeting of an already authenticated session.
    case preauth = "PREAUTH"
    /// `BYE`: the server is closing the connection.
    case bye = "BYE"
}
