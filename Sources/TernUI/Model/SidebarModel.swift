import MailCore
import MailEngine
import TerminalKit

/// One line of the sidebar.
public struct SidebarEntry: Hashable, Sendable {
    /// What the line is.
    public enum Kind: Hashable, Sendable {
        /// An account's name, above its folders.
        case account
        /// A folder.
        case folder(MailboxPath)
    }

    /// The account the line belongs to.
    public var account: String
    /// Account or folder.
    public var kind: Kind
    /// The name shown (a folder's leaf, or its path below the nearest shown ancestor).
    public var name: String
    /// Indentation level.
    public var depth: Int
    /// Unread messages, when known.
    public var unread: Int?
    /// Messages, when known.
    public var total: Int?
    /// The folder's role.
    public var role: MailboxRole?
    /// Whether the folder can be opened.
    public var isSelectable: Bool

    /// The folder key of a folder line.
    public var folderKey: FolderKey? {
        if case .folder(let path) = kind { return FolderKey(account: account, path: path) }
        return nil
    }
}

/// Orders an account's folders for the sidebar: roles first (Inbox, Drafts, Sent, Archive, Junk,
/// Trash), then the other folders as a tree, sorted by name.
public enum SidebarModel {
    /// The sidebar lines for `accounts`; an account line comes first only when there are several.
    public static func entries(for accounts: [AccountState]) -> [SidebarEntry] {
        var result: [SidebarEntry] = []
        let showAccounts = accounts.count > 1
        for account in accounts {
            if showAccounts {
                result.append(SidebarEntry(account: account.name, kind: .account, name: account.name, depth: 0,
                                           isSelectable: false))
            }
            let base = showAccounts ? 1 : 0
            var folders = account.folders
            if !folders.contains(where: { $0.path.isInbox }) { folders.insert(FolderInfo(path: .inbox, role: .inbox), at: 0) }
            var roled: [(Int, FolderInfo, MailboxRole)] = []
            var rest: [FolderInfo] = []
            var seenRoles = Set<MailboxRole>()
            for info in folders {
                if let role = account.role(of: info.path), !seenRoles.contains(role) {
                    seenRoles.insert(role)
                    roled.append((role.sortOrder, info, role))
                } else {
                    rest.append(info)
                }
            }
            roled.sort { $0.0 < $1.0 }
            for (_, info, role) in roled {
                result.append(entry(account.name, info, name: displayName(info.path, role: role), depth: base, role: role))
            }
            rest.sort { $0.path < $1.path }
            // Depth below the nearest ancestor that is itself listed among the other folders.
            var placed: [MailboxPath: Int] = [:]
            for info in rest {
                var depth = base
                var name = info.path.description
                let components = info.path.components
                if components.count > 1 {
                    for cut in stride(from: components.count - 1, through: 1, by: -1) {
                        let ancestor = MailboxPath(Array(components.prefix(cut)))
                        if let ancestorDepth = placed[ancestor] {
                            depth = ancestorDepth + 1
                            name = components.dropFirst(cut).joined(separator: "/")
                            break
                        }
                    }
                }
                placed[info.path] = depth
                result.append(entry(account.name, info, name: name, depth: depth, role: nil))
            }
        }
        return result
    }

    private static func entry(_ account: String, _ info: FolderInfo, name: String, depth: Int, role: MailboxRole?) -> SidebarEntry {
        SidebarEntry(account: account, kind: .folder(info.path), name: name, depth: depth, unread: info.unread,
                     total: info.total, role: role, isSelectable: info.isSelectable)
    }

    /// `Inbox` for INBOX, else the path as the server names it.
    static func displayName(_ path: MailboxPath, role: MailboxRole) -> String {
        path.isInbox ? "Inbox" : path.description
    }
}

/// The sidebar's state: shown or not, its width, its lines and selection.
public struct SidebarState: Sendable {
    /// Whether the user wants it shown (it also hides itself when the terminal is too narrow).
    public var isVisible: Bool
    /// Its width in columns, divider not included.
    public var width: Int
    /// The lines, rebuilt when folders change.
    public var entries: [SidebarEntry] = []
    /// The selection and scroll position.
    public var list = ListState()

    /// The narrowest and widest the sidebar can be made.
    public static let widthRange = 8...80

    /// Creates a sidebar.
    public init(isVisible: Bool, width: Int) {
        self.isVisible = isVisible
        self.width = min(max(width, Self.widthRange.lowerBound), Self.widthRange.upperBound)
    }

    /// The line of a folder.
    public func index(of key: FolderKey) -> Int? {
        entries.firstIndex { $0.folderKey == key }
    }
}
