import MailCore

/// Where a login stands: the mechanism, what was sent, and the answer to the next challenge
/// (`334`). Holds the secret only while the login runs.
struct SASLExchange: Sendable {
    enum Stage: Sendable, Equatable {
        /// AUTH went without an initial response; the message goes after the first challenge.
        case awaitingChallenge(response: String)
        /// LOGIN: the prompts for the user name (0) and the password (1).
        case loginPrompt(Int)
        /// CRAM-MD5: the challenge is awaited.
        case cramChallenge
        /// The message was sent; a further challenge carries an error report (token mechanisms)
        /// or is answered by cancelling.
        case responded
        /// The error report was acknowledged; anything more is cancelled.
        case acknowledged
        /// `*` was sent; the server must now refuse.
        case cancelled
    }

    let mechanism: SMTPAuthMechanism
    private let username: String
    private let secret: String
    private let host: String
    private let port: Int
    private(set) var stage: Stage

    /// The exchange and the AUTH command that starts it.
    ///
    /// The initial response goes in the AUTH command when the command stays within SMTP's
    /// 512-octet line limit (RFC 4954 §4); otherwise after the server's empty challenge.
    static func start(
        _ mechanism: SMTPAuthMechanism, credentials: SMTPCredentials, options: SMTPAuthenticationOptions
    ) -> (SASLExchange, SMTPCommand) {
        let user = credentials.username
        let secret = credentials.secretText
        let message: String?
        switch mechanism {
        case .plain: message = SASLMessages.plain(username: user, password: secret)
        case .xoauth2: message = SASLMessages.xoauth2(username: user, token: secret)
        case .oauthBearer:
            message = SASLMessages.oauthBearer(username: user, token: secret, host: options.host, port: options.port)
        case .login, .cramMD5: message = nil
        }
        var exchange = SASLExchange(mechanism: mechanism, username: user, secret: secret, host: options.host,
                                    port: options.port, stage: .responded)
        let name = mechanism.rawValue
        switch mechanism {
        case .login:
            exchange.stage = .loginPrompt(0)
            return (exchange, .auth(mechanism: name, initialResponse: nil))
        case .cramMD5:
            exchange.stage = .cramChallenge
            return (exchange, .auth(mechanism: name, initialResponse: nil))
        default:
            let response = message ?? ""
            if "AUTH \(name) \(response)\r\n".utf8.count <= 512 {
                return (exchange, .auth(mechanism: name, initialResponse: response))
            }
            exchange.stage = .awaitingChallenge(response: response)
            return (exchange, .auth(mechanism: name, initialResponse: nil))
        }
    }

    /// The line answering a `334` challenge.
    mutating func respond(to challenge: SMTPReply) -> String {
        switch stage {
        case .awaitingChallenge(let response):
            stage = .responded
            return response
        case .loginPrompt(let step):
            stage = step == 0 ? .loginPrompt(1) : .responded
            return SASLMessages.login(step == 0 ? username : secret)
        case .cramChallenge:
            stage = .responded
            let text = challenge.lines.first ?? ""
            return SASLMessages.cramMD5(username: username, password: secret,
                                        challenge: Base64.decode(Array(text.utf8)))
        case .responded where mechanism == .xoauth2:
            // The challenge is a JSON error report; an empty line acknowledges it, and the server
            // then refuses with 535 (Google's XOAUTH2 protocol).
            stage = .acknowledged
            return ""
        case .responded where mechanism == .oauthBearer:
            stage = .acknowledged
            return SASLMessages.oauthBearerErrorAcknowledgement
        case .responded, .acknowledged, .cancelled:
            stage = .cancelled
            return "*"
        }
    }
}
