import ArgumentParser
import Foundation
import MailCore
import MailEngine
import TernConfig

/// An account opened for one command: the config read, the account chosen, its backend built.
/// Config problems exit with status 78 (EX_CONFIG) as `tern config check` does; every other
/// problem is a `CommandError` (status 1) that says what to do.
struct AccountSession {
    let account: Account
    let backend: any MailBackend

    /// Opens the account chosen by `--account` / `--demo`.
    static func open(_ options: AccountOptions, global: GlobalOptions) throws -> AccountSession {
        try open(accountName: options.account, demo: options.demo, global: global)
    }

    /// Opens the account called `accountName` (the default one when nil), or the demo.
    static func open(accountName: String?, demo: Bool, global: GlobalOptions) throws -> AccountSession {
        let environment = ProcessInfo.processInfo.environment
        let account: Account
        let factory: BackendFactory
        if demo {
            if let name = accountName, name != DemoAccount.name {
                throw CommandError("--demo uses the demo mailbox; leave out --account \(name), or leave out --demo.")
            }
            do {
                account = try DemoAccount.account(environment: environment)
            } catch {
                throw CommandError("Could not set up the demo mailbox: \(error)")
            }
            factory = DemoAccount.factory(environment: environment)
        } else {
            let config: Configuration
            do {
                config = try ConfigLoader(environment: environment).load(explicitPath: global.explicitConfigPath)
            } catch {
                throw ConfigCommand.fail(error)
            }
            account = try translating { try config.account(selecting: accountName) }
            var configured = BackendFactory(environment: environment)
            configured.configure(config.general)
            factory = configured
        }
        let backend = try translating { try factory.makeBackend(for: account) }
        return AccountSession(account: account, backend: backend)
    }

    /// Runs `body` and turns library errors into `CommandError`s with their own words.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("\(error)")
        }
    }

    /// Async form of ``translating(_:)``, rephrasing unknown folders and uids for the command line.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as CommandError {
            throw error
        } catch BackendError.noSuchMessage(let uid, let folder) {
            throw CommandError("\(folder) has no message with uid \(uid) in account \"\(account.name)\"; `tern list --folder \(Self.quoted(folder.description))` shows the uids.")
        } catch {
            throw CommandError("\(error)")
        }
    }

    /// The folder `name` names, after bringing the folder list up to date; an unknown folder is an
    /// error listing the account's folders.
    func folder(_ name: String) async throws -> MailboxPath {
        let wanted = MailboxPath(name)
        let folders = try await run { try await backend.folders() }.map(\.path)
        if wanted.isInbox || wanted.components.isEmpty { return .inbox }
        if let exact = folders.first(where: { $0 == wanted }) { return exact }
        let lowered = wanted.components.map { $0.lowercased() }
        let matches = folders.filter { $0.components.map { $0.lowercased() } == lowered }
        if matches.count == 1 { return matches[0] }
        let list = folders.map(\.description).joined(separator: ", ")
        throw CommandError("Account \"\(account.name)\" has no folder \"\(name)\". Its folders are: \(list) (`tern folders` lists them with counts).")
    }

    /// Syncs a folder with the disk or server before a command reads it.
    func sync(_ folder: MailboxPath) async throws {
        _ = try await run { try await backend.sync(folder) }
    }

    /// Makes the newest `count` messages of a folder current before a command shows them: a
    /// folder never synced gets just those (its first full sync is left to `tern sync` or the
    /// UI), any other the usual sync.
    func syncNewest(_ folder: MailboxPath, count: Int) async throws {
        _ = try await run { try await backend.syncNewest(folder, count: count) }
    }

    /// A folder name quoted for a shell when it needs it.
    static func quoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-".contains($0) } ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
