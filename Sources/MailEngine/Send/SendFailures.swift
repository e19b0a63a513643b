import SMTP
import Transport

/// Turns what the transport layer throws into a ``SendFailure``: which step, the server's words,
/// and whether trying again later may work.
enum SendFailures {
    /// A refused transaction (the session goes on).
    static func from(_ failure: SMTPTransactionFailure) -> SendFailure {
        let step: SendFailure.Step
        switch failure.stage {
        case .mailFrom: step = .mailFrom
        case .recipients: step = .recipients
        case .data: step = .data
        case .message: step = .message
        }
        return SendFailure(step: step, message: failure.description, isTransient: failure.isTransient,
                           endsSession: false)
    }

    /// Anything thrown while connecting or sending.
    ///
    /// Network trouble, timeouts, 4yz and a server that broke off are temporary; what only the
    /// user can fix (a certificate, STARTTLS missing, a refused login, a message the server
    /// cannot take) is not.
    static func from(_ error: any Error, server: String?) -> SendFailure {
        switch error {
        case let failure as SendFailure:
            return failure
        case let error as TransportError:
            switch error.kind {
            case .certificateUntrusted, .hostnameMismatch, .caFileUnreadable, .invalidAddress, .tlsHandshakeFailed:
                return SendFailure(step: .connect, message: error.description, isTransient: false)
            default:
                return SendFailure(step: .connect, message: error.description, isTransient: true)
            }
        case let error as StartTLSError:
            return SendFailure(step: .startTLS, message: error.description, isTransient: false)
        case let error as AuthenticationFailure:
            return SendFailure(step: .authentication, message: error.description, isTransient: error.isTemporary)
        case let error as SMTPAuthenticationError:
            return SendFailure(step: .authentication, message: error.description, isTransient: false)
        case let error as SMTPTransactionError:
            return SendFailure(step: .checks, message: error.description, isTransient: false, endsSession: false)
        case let error as SMTPServerError:
            let step: SendFailure.Step = error.command == "the greeting" ? .greeting
                : error.command.hasPrefix("EHLO") || error.command.hasPrefix("HELO") ? .greeting : .session
            return SendFailure(step: step, message: error.description, isTransient: error.isTransient)
        case let error as SMTPProtocolError:
            // A broken session: try again later (a message whose end of data went unanswered may
            // then arrive twice, which is better than not at all).
            return SendFailure(step: .session, message: error.description, isTransient: true)
        default:
            return SendFailure(step: .session, message: "\(error)", isTransient: true)
        }
    }
}
