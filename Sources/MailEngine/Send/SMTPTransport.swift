import Foundation
import SMTP
import TernConfig
import Transport

/// Submission to the account's SMTP server (`[accounts.NAME.smtp]`).
public struct SMTPTransport: MessageTransport {
    /// The account's name, for error messages.
    public let account: String
    /// The server and login settings from the config.
    public let server: ServerConnection
    /// The environment for `password_env` and the secret commands.
    public let environment: [String: String]
    /// Where the dialogue is traced (secrets hidden), if anywhere.
    public let trace: ProtocolTrace?
    /// Timeouts of the connection.
    public var timeouts: (connect: Duration, read: Duration, write: Duration, data: Duration)
    /// Pipeline commands when the server offers PIPELINING.
    public var usePipelining: Bool

    /// A transport for `server`, the SMTP server of `account`.
    public init(account: String, server: ServerConnection, environment: [String: String], trace: ProtocolTrace? = nil,
                usePipelining: Bool = true) {
        self.account = account
        self.server = server
        self.environment = environment
        self.trace = trace
        self.timeouts = (.seconds(30), .seconds(120), .seconds(60), .seconds(600))
        self.usePipelining = usePipelining
    }

    /// The settings of a session, with the secret resolved.
    func settings() throws(SendFailure) -> SMTPSettings {
        let security: Transport.ConnectionSecurity
        switch server.security {
        case .tls: security = .tls
        case .starttls: security = .startTLS
        case .none: security = .none
        }
        var credentials: SMTPCredentials?
        let resolver = SecretResolver(environment: environment)
        do {
            if let token = server.oauthToken {
                let secret = try resolver.resolve(token, account: account, what: "OAuth token")
                credentials = SMTPCredentials(username: server.user, secret: .oauth2AccessToken(secret.reveal()))
            } else if let password = server.password {
                let secret = try resolver.resolve(password, account: account)
                credentials = SMTPCredentials(username: server.user, secret: .password(secret.reveal()))
            }
        } catch {
            throw SendFailure(step: .credentials, message: "\(error)", isTransient: false)
        }
        let mechanisms = server.authMechanisms.compactMap { mechanism -> SMTPAuthMechanism? in
            switch mechanism {
            case .plain: .plain
            case .login: .login
            case .cramMD5: .cramMD5
            case .xoauth2: .xoauth2
            case .oauthbearer: .oauthBearer
            case .user: nil
            }
        }
        return SMTPSettings(
            host: server.host, port: server.port,
            connection: ConnectionOptions(security: security, caFile: server.caFile, connectTimeout: timeouts.connect,
                                          readTimeout: timeouts.read, writeTimeout: timeouts.write),
            credentials: credentials,
            authentication: SMTPAuthenticationOptions(allowInsecureAuthentication: server.allowInsecureAuth,
                                                      preferredMechanisms: mechanisms),
            dataTimeout: timeouts.data, usePipelining: usePipelining)
    }

    /// Connects, secures and logs in.
    public func openSession() async throws(SendFailure) -> any SubmissionSession {
        let settings = try settings()
        do {
            return SMTPSession(connection: try await SMTPConnection.connect(settings, trace: trace))
        } catch {
            throw SendFailures.from(error, server: "\(server.host):\(server.port)")
        }
    }
}

/// A logged-in SMTP session.
struct SMTPSession: SubmissionSession {
    let connection: SMTPConnection

    func submit(_ message: OutgoingMessage, policy: SMTPRecipientPolicy) async -> SubmissionOutcome {
        do {
            let report = try await connection.send(message.bytes, envelope: message.envelope, policy: policy)
            if let failure = report.failure {
                return .failed(SendFailures.from(failure))
            }
            return .accepted(SubmissionReceipt(reply: report.finalReply?.description ?? "accepted",
                                               refusedRecipients: report.refusedRecipients.map(\.description)))
        } catch {
            return .failed(SendFailures.from(error, server: nil))
        }
    }

    func close() async {
        await connection.quit()
    }
}
