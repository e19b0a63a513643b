import MailCore

/// The client messages of the SASL mechanisms, base64-encoded as SMTP sends them (RFC 4954 §4).
enum SASLMessages {
    // message = [authzid] UTF8NUL authcid UTF8NUL passwd   (RFC 4616 §2)
    /// PLAIN: no authorization identity, the user name and the password.
    static func plain(username: String, password: String) -> String {
        base64([0] + Array(username.utf8) + [0] + Array(password.utf8))
    }

    /// LOGIN: one value (the user name or the password) per prompt.
    static func login(_ value: String) -> String {
        base64(Array(value.utf8))
    }

    /// CRAM-MD5 (RFC 2195 §2): the user name, a space, and the HMAC-MD5 of the decoded challenge
    /// keyed with the password, in lower-case hex.
    static func cramMD5(username: String, password: String, challenge: [UInt8]) -> String {
        base64(Array("\(username) \(HMACMD5.hexDigest(key: Array(password.utf8), message: challenge))".utf8))
    }

    /// XOAUTH2: `user=` name `^A` `auth=Bearer ` token `^A^A`.
    static func xoauth2(username: String, token: String) -> String {
        base64(Array("user=\(username)\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8))
    }

    // gs2-header = "n," [ "a=" saslname ] ","    kvpair = key "=" value %x01    (RFC 7628 §3.1)
    /// OAUTHBEARER: the GS2 header with the user as authorization identity (`,` and `=` escaped as
    /// `=2C` and `=3D`, RFC 5801 §4), then host, port and the bearer token.
    static func oauthBearer(username: String, token: String, host: String, port: Int) -> String {
        let name = username.replacingAll("=", with: "=3D").replacingAll(",", with: "=2C")
        var message = "n,a=\(name),\u{1}"
        if !host.isEmpty { message += "host=\(host)\u{1}" }
        if port > 0 { message += "port=\(port)\u{1}" }
        message += "auth=Bearer \(token)\u{1}\u{1}"
        return base64(Array(message.utf8))
    }

    /// The OAUTHBEARER answer to an error challenge: a single ^A (RFC 7628 §3.2.3).
    static let oauthBearerErrorAcknowledgement = base64([0x01])

    /// One unbroken line of base64 (RFC 4648 §4).
    static func base64(_ bytes: [UInt8]) -> String {
        String(decoding: Base64.encode(bytes, lineLength: 0), as: UTF8.self)
    }
}

extension String {
    /// The string with every `target` replaced (no Foundation in this module).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
