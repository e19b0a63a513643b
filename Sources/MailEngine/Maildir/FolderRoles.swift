import MailCore

/// Which folder plays which role (Sent, Drafts, Trash, Junk, Archive) in an account without
/// SPECIAL-USE: the account's `[accounts.NAME.folders]` overrides first, then well-known names.
public struct FolderRoles: Sendable, Hashable {
    /// Roles the config names explicitly.
    public var overrides: [MailboxRole: MailboxPath]

    /// Roles from the config's overrides.
    public init(overrides: [MailboxRole: MailboxPath] = [:]) {
        self.overrides = overrides
    }

    /// Well-known top-level names, compared ignoring case, in order of preference.
    static let wellKnown: [(MailboxRole, [String])] = [
        (.sent, ["sent", "sent messages", "sent items", "sent mail", "gesendet", "envoyés", "enviados"]),
        (.drafts, ["drafts", "draft", "entwürfe", "brouillons", "borradores"]),
        (.trash, ["trash", "deleted messages", "deleted items", "bin", "papierkorb", "corbeille", "papelera"]),
        (.junk, ["junk", "spam", "junk e-mail", "junk email", "bulk mail"]),
        (.archive, ["archive", "archives"]),
    ]

    /// The role of each folder of `folders` (folders without a role are left out). Each role goes
    /// to one folder: the override when it exists, else the first folder with a well-known name.
    public func assign(_ folders: [MailboxPath]) -> [MailboxPath: MailboxRole] {
        var roles: [MailboxPath: MailboxRole] = [:]
        var taken = Set<MailboxRole>()
        for folder in folders where folder.isInbox {
            roles[folder] = .inbox
            taken.insert(.inbox)
        }
        for (role, path) in overrides.sorted(by: { $0.key.sortOrder < $1.key.sortOrder }) where role != .inbox {
            if let match = folders.first(where: { Self.same($0, path) }), roles[match] == nil {
                roles[match] = role
                taken.insert(role)
            }
        }
        for (role, names) in Self.wellKnown where !taken.contains(role) && overrides[role] == nil {
            for name in names {
                if let match = folders.first(where: { $0.components.count == 1 && $0.components[0].lowercased() == name }),
                   roles[match] == nil {
                    roles[match] = role
                    taken.insert(role)
                    break
                }
            }
        }
        return roles
    }

    /// The folder with `role` among `folders`, if any.
    public func folder(for role: MailboxRole, among folders: [MailboxPath]) -> MailboxPath? {
        assign(folders).first { $0.value == role }?.key
    }

    /// Paths are equal, the inbox compared ignoring case.
    static func same(_ a: MailboxPath, _ b: MailboxPath) -> Bool {
        a == b || (a.isInbox && b.isInbox)
    }
}
