import Foundation
import TernConfig

extension BackendFactory {
    /// The decorator that makes a POP3 account's backend download: a ``POP3Backend`` over the
    /// local Maildir backend, whose `sync(.inbox)` downloads new mail first. The password (or
    /// OAuth token) is resolved through the factory's ``secrets`` each time a download starts.
    ///
    /// The interactive client uses it (so check-mail downloads); the command line's `tern list`,
    /// `tern read`... work on the local Maildir only and leave downloading to `tern sync`.
    public static let downloadingPOP3: POP3Decorator = { local, account, settings, factory in
        let pop3 = POP3Account(name: account.name, settings: settings)
        let resolver = factory.secrets
        return POP3Backend(local: local, account: pop3) {
            // A password command may run for a while (a password manager waiting to be unlocked):
            // off the cooperative threads.
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(with: Result { try pop3.resolveSecret(with: resolver).reveal() })
                }
            }
        }
    }

    /// A factory whose POP3 accounts download (``downloadingPOP3``), for the interactive client.
    ///
    /// - Parameter environment: The environment (cache location, `password_env` variables).
    public static func downloading(environment: [String: String]) -> BackendFactory {
        BackendFactory(environment: environment, pop3Decorator: downloadingPOP3)
    }
}
