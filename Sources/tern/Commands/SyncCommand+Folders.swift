import ArgumentParser
import Foundation
import MailCore
import MailEngine
import TernConfig
import Transport

extension SyncCommand {
    /// IMAP and Maildir accounts: `backend.sync` of `--folder` or of every selectable folder,
    /// one line per folder that changed (and a total) on standard output.
    func syncFolders(_ account: Account, environment: [String: String], label: Bool) async throws {
        var factory = BackendFactory(environment: environment)
        factory.imapTrace = try traceOptions.makeTrace()
        let backend: any MailBackend
        do {
            backend = try factory.makeBackend(for: account)
        } catch {
            throw SyncFailure("\(error)")
        }
        let prefix = label ? "\(account.name): " : ""
        do {
            let folders = try await backend.folders()
            var chosen: [MailboxPath]
            if let folder {
                let wanted = MailboxPath(folder)
                let lowered = wanted.components.map { $0.lowercased() }
                let matches = folders.map(\.path).filter { $0 == wanted || $0.components.map { $0.lowercased() } == lowered }
                guard let match = matches.first(where: { $0 == wanted }) ?? (matches.count == 1 ? matches.first : nil)
                    ?? (wanted.isInbox ? MailboxPath.inbox : nil) else {
                    throw SyncFailure("Account \"\(account.name)\" has no folder \"\(folder)\". Its folders are: "
                        + folders.map(\.path.description).joined(separator: ", ") + ".")
                }
                chosen = [match]
            } else {
                chosen = folders.filter(\.isSelectable).map(\.path)
            }
            var total = SyncReport(folder: .inbox)
            var warnings: [String] = []
            for path in chosen {
                let report = try await backend.sync(path)
                total.added += report.added
                total.removed += report.removed
                total.flagsChanged += report.flagsChanged
                warnings += report.warnings.map { "\(path): \($0)" }
                if !quiet, report.added + report.removed + report.flagsChanged > 0 || report.rebuilt {
                    print("\(prefix)\(path): \(Self.describe(report))")
                }
            }
            for warning in warnings {
                FileHandle.standardError.write(Data("tern: \(account.name): warning: \(warning)\n".utf8))
            }
            if !quiet {
                let folders = chosen.count == 1 ? "1 folder" : "\(chosen.count) folders"
                print("\(prefix)\(folders) synced: \(Self.describe(total))")
            }
        } catch let error as SyncFailure {
            await backend.close()
            throw error
        } catch {
            await backend.close()
            throw SyncFailure("Syncing \"\(account.name)\" failed: \(error)")
        }
        await backend.close()
    }

    /// `3 new, 1 removed, 12 flags changed` (or `no changes`).
    static func describe(_ report: SyncReport) -> String {
        var parts: [String] = []
        if report.rebuilt { parts.append("cache rebuilt (UIDVALIDITY changed)") }
        if report.added > 0 { parts.append("\(report.added) new") }
        if report.removed > 0 { parts.append("\(report.removed) removed") }
        if report.flagsChanged > 0 { parts.append("\(report.flagsChanged) flags changed") }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }
}
