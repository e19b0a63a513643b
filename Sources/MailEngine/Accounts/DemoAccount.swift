import Foundation
import MailCore
import MailStore
import TernConfig

/// The demo mailbox of `tern --demo` as an account named `demo`: a Maildir account over
/// `DemoMailbox.defaultLocation()`, installed on first use.
public enum DemoAccount {
    /// The demo account's name.
    public static let name = "demo"

    /// A factory whose caches are the demo's (see ``cacheLocation(environment:)``).
    public static func factory(environment: [String: String] = ProcessInfo.processInfo.environment) -> BackendFactory {
        var factory = BackendFactory(environment: environment)
        factory.cacheLocation = { _ in cacheLocation(environment: environment) }
        return factory
    }

    /// Installs the demo Maildir when missing and returns the account over it.
    /// - Throws: what writing the demo Maildir throws.
    public static func account(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Account {
        let location = DemoMailbox.defaultLocation(environment: environment)
        try DemoMailbox.install(at: location)
        return Account(name: name, from: Address(name: "Alice Example", address: "alice@example.test"),
                       isDefault: true, source: .maildir(MaildirSettings(path: location.path)))
    }

    /// Where the demo's header cache lives: beside the other caches, under a name no config account
    /// can clash with by accident (`demo mailbox`).
    public static func cacheLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        HeaderCache.defaultLocation(account: "demo mailbox", environment: environment)
    }
}
