import Foundation
import IMAP
import MailCore
import Transport

/// The command connection: opened on first use, checked when it sat unused, replaced when lost.
extension IMAPBackend {
    /// A logged-in command connection, opening one when there is none (calls that need it while
    /// it opens share the attempt). A connection unused for ``IMAPBackendOptions/staleAfter`` is
    /// checked with NOOP first, so a session the server dropped meanwhile is replaced instead of
    /// failing the caller's command.
    /// - Throws: `BackendError.failed` saying why the connection could not be made.
    func session() async throws -> IMAPConnection {
        if closed { throw BackendError.failed("account \"\(accountName)\": the account is closed") }
        if let connection, await connection.isConnected {
            if ContinuousClock.now - lastUsed < options.staleAfter { return connection }
            do {
                try await connection.noop()
                lastUsed = .now
                return connection
            } catch {
                await connection.close()
                self.connection = nil
            }
        }
        if let connecting { return try await connecting.value }
        let task = Task { try await self.openConnection() }
        connecting = task
        defer { connecting = nil }
        do {
            let opened = try await task.value
            connection = opened
            lastUsed = .now
            return opened
        } catch {
            let reason = "\(failure(error))"
            continuation.yield(.connection(.offline(reason: reason, retryIn: nil)))
            throw failure(error)
        }
    }

    /// Connects, logs in and enables what the options allow (QRESYNC, CONDSTORE).
    func openConnection() async throws -> IMAPConnection {
        continuation.yield(.connection(.connecting))
        let connection = try await connect()
        startDraining(connection)
        continuation.yield(.connection(.connected))
        return connection
    }

    /// A new logged-in connection with the wanted extensions enabled (also used for IDLE).
    func connect() async throws -> IMAPConnection {
        let settings = try settingsProvider()
        let connection = try await IMAPConnection.connect(settings, trace: trace)
        let capabilities = await connection.capabilities
        var wanted: [Capability] = []
        if options.useQResync, capabilities.contains(.qresync) { wanted.append(.qresync) }
        if options.useCondStore, capabilities.contains(.condStore) { wanted.append(.condStore) }
        if !wanted.isEmpty, capabilities.contains(.enable) {
            do {
                try await connection.enable(wanted)
            } catch let error as IMAPCommandError {
                // A server that refuses ENABLE still works, without the quick resync.
                continuation.yield(.notice("account \"\(accountName)\": \(error)"))
            }
        }
        return connection
    }

    /// Reads the command connection's unsolicited updates: flag changes made elsewhere go to the
    /// cache at once; alerts become notices; the end of the connection is reported.
    func startDraining(_ connection: IMAPConnection) {
        Task { [weak self] in
            for await event in connection.events {
                guard let self else { return }
                await self.handleUnsolicited(event, from: connection)
            }
        }
    }

    func handleUnsolicited(_ event: IMAPEvent, from source: IMAPConnection) async {
        switch event.kind {
        case .alert(let text):
            continuation.yield(.notice("\(accountName): \(text)"))
        case .messageChanged(let message):
            guard let mailbox = event.mailbox, let uid = message.uid, let flags = message.mailFlags,
                  let path = listedPath(of: mailbox) else { return }
            do {
                guard let box = try cache.mailbox(path), box.isComplete, uid.value < box.uidNext,
                      let cached = try cache.message(uid, in: path), cached.flags != flags else { return }
                try cache.write { try $0.updateFlags(uid, in: box, flags: flags) }
                continuation.yield(.flagsChanged(folder: path, [(uid, flags)]))
                try emitCounts(path)
            } catch {
                continuation.yield(.error("\(error)"))
            }
        case .disconnected(let reason):
            guard source === connection else { return }
            connection = nil
            if !closed { continuation.yield(.connection(.offline(reason: reason, retryIn: nil))) }
        default:
            break
        }
    }

    /// Runs `body` on the command connection; a lost connection is forgotten (the next call
    /// opens a new one) and reported, and every error is put in the user's words.
    ///
    /// Calls run one at a time (in the order they came): each may select a folder and rely on it
    /// until it returns. A long call lets others in with ``letOthersIn(_:selecting:uidValidity:)``.
    func withConnection<T: Sendable>(_ body: (IMAPConnection) async throws -> T) async throws -> T {
        await acquireConnection()
        defer { releaseConnection() }
        let connection = try await session()
        do {
            let result = try await body(connection)
            lastUsed = .now
            return result
        } catch let lost as IMAPConnectionLost {
            connectionLost(connection, lost)
            throw failure(lost)
        } catch {
            if !(await connection.isConnected) { connectionLost(connection, error) }
            throw failure(error)
        }
    }

    func acquireConnection() async {
        if connectionBusy {
            await withCheckedContinuation { connectionWaiters.append($0) }
        } else {
            connectionBusy = true
        }
    }

    func releaseConnection() {
        if connectionWaiters.isEmpty {
            connectionBusy = false
        } else {
            connectionWaiters.removeFirst().resume()
        }
    }

    /// Inside a long ``withConnection(_:)`` call: lets the calls waiting for the connection run,
    /// then takes it back and selects `name` again if one of them selected another folder.
    /// - Throws: `BackendError.failed` when the connection was lost meanwhile, or the folder's
    ///   UIDVALIDITY changed (the next sync starts over).
    func letOthersIn(_ connection: IMAPConnection, selecting name: MailboxName, uidValidity: UInt32) async throws {
        guard !connectionWaiters.isEmpty else { return }
        releaseConnection()
        await acquireConnection()
        guard connection === self.connection, await connection.isConnected else {
            throw BackendError.failed("account \"\(accountName)\": the connection was lost during the sync; sync again")
        }
        let current = await connection.selectedMailbox
        if current?.name != name || current?.isReadOnly == true {
            let selected = try await connection.select(name)
            if selected.uidValidity != uidValidity {
                throw BackendError.failed("account \"\(accountName)\": the folder \"\(name)\" changed on the server during the sync (new UIDVALIDITY); sync again")
            }
        }
    }

    /// Forgets a connection that ended, tells the UI, and has a watched folder reconnected.
    func connectionLost(_ lost: IMAPConnection, _ error: any Error) {
        guard lost === connection else { return }
        connection = nil
        continuation.yield(.connection(.offline(reason: "\(failure(error))", retryIn: nil)))
    }

    /// The listed folder with this wire name, if the list is known.
    func listedPath(of name: MailboxName) -> MailboxPath? {
        if name.isInbox { return .inbox }
        return mailboxes.first { $0.value.name == name }?.key
    }
}
