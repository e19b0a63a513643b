import Foundation
import MailCore
import MailStore

/// The demo mailbox of `tern --demo`: about 40 realistic messages (threads, HTML, attachments,
/// several charsets, flagged and unread ones) in INBOX, Sent, Drafts and Archive, written as a
/// Maildir++ tree at first use.
public enum DemoMailbox {
    /// Bumped whenever the content changes, so an older copy on disk is replaced.
    public static let version = "1"

    /// The folders of the demo, in sidebar order.
    public static let folders: [MailboxPath] = [.inbox, MailboxPath(["Drafts"]), MailboxPath(["Sent"]), MailboxPath(["Archive"])]

    /// Every demo message, rendered relative to `now`.
    static var messages: [DemoMessage] { threads + inboxSingles + otherFolders }

    /// The demo's folder under `$XDG_DATA_HOME/tern/demo` (default `~/.local/share/tern/demo`).
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return base.appendingPathComponent("tern/demo")
    }

    /// Makes sure the demo Maildir exists at `location`, writing it when missing or out of date.
    /// An existing demo of the current version is left alone (the user's flag changes survive).
    /// - Returns: the Maildir++ store of the demo.
    @discardableResult
    public static func install(at location: URL, now: Date = Date()) throws -> MaildirStore {
        let store = MaildirStore(root: location)
        let stamp = location.appendingPathComponent(".tern-demo-version")
        if let existing = try? String(contentsOf: stamp, encoding: .utf8), existing == version {
            return store
        }
        if FileManager.default.fileExists(atPath: location.path) {
            try FileManager.default.removeItem(at: location)
        }
        try FileManager.default.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
        for folder in folders { try store.create(folder) }
        for message in messages {
            let box = try store.maildir(for: message.folder)
            let date = now.addingTimeInterval(-message.hoursAgo * 3600)
            try box.deliver(message.render(now: now), flags: message.flags, date: date)
        }
        try Data(version.utf8).write(to: stamp)
        return store
    }
}
