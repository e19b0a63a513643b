import MailCore

/// The client messages of the SASL mechanisms, base64-encoded.
enum SASL {
    // message = [authzid] UTF8NUL authcid UTF8NUL passwd   (RFC 4616 §2)
    /// The PLAIN message, no authorization identity.
    static func plain(username: String, password: String) -> String {
        base64([0] + Array(username.utf8) + [0] + Array(password.utf8))
    }

    /// The XOAUTH2 message: `user=` name `^A` `auth=Bearer ` token `^A^A`.
    static func xoauth2(username: String, token: String) -> String {
        base64(Array("user=\(username)\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8))
    }

    // gs2-header = "n," "a=" saslname "," ; kvsep = %x01 (RFC 7628 §3.1)
    /// The OAUTHBEARER message.
    static func oauthBearer(username: String, token: String) -> String {
        let name = username.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: ",", with: "=2C")
        return base64(Array("n,a=\(name),\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8))
    }

    /// One unbroken line of base64.
    static func base64(_ bytes: [UInt8]) -> String {
        String(decoding: Base64.encode(bytes, lineLength: 0), as: UTF8.self)
    }
}
