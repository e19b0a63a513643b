import MailCore

/// The client messages of the SASL mechanisms and APOP, built from credentials.
enum SASLMessages {
    // message = [authzid] UTF8NUL authcid UTF8NUL passwd   (RFC 4616 §2)
    /// The PLAIN message for `username`/`password`, no authorization identity, base64-encoded.
    static func plain(username: String, password: String) -> String {
        base64([0] + Array(username.utf8) + [0] + Array(password.utf8))
    }

    /// The XOAUTH2 message, base64-encoded:
    /// `user=` name `^A` `auth=Bearer ` token `^A^A` (Google's "OAuth 2.0 Mechanism" page).
    static func xoauth2(username: String, token: String) -> String {
        base64(Array("user=\(username)\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8))
    }

    /// One unbroken line of base64 (RFC 4648 §4), as SASL responses are sent (RFC 5034 §4).
    static func base64(_ bytes: [UInt8]) -> String {
        String(decoding: Base64.encode(bytes, lineLength: 0), as: UTF8.self)
    }

    /// The APOP digest: MD5 of the greeting's timestamp (with its brackets) followed by the
    /// password, as 32 lower-case hex digits (RFC 1939 §7).
    static func apopDigest(timestamp: String, password: String) -> String {
        MD5.hexDigest(Array(timestamp.utf8) + Array(password.utf8))
    }
}
