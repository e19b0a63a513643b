import MailCore

/// Who logs in to the POP3 server and with what secret (MailCore's ``LoginCredentials``).
public typealias POP3Credentials = LoginCredentials

extension LoginCredentials {
    /// Why these credentials cannot be sent in USER/PASS, APOP or AUTH, or nil when they can.
    var problem: String? { commandLineProblem }
}
