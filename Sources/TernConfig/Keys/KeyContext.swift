/// Where a key binding applies: a `[keys.CONTEXT]` table.
public enum KeyContext: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// Everywhere except ``prompt``, unless a context binds the same keys.
    case global
    /// The folder sidebar, when it has the focus.
    case sidebar
    /// The message list.
    case list
    /// The message viewer (pager).
    case viewer
    /// The compose screen shown before sending (headers and attachments).
    case composer
    /// The attachment list of a message.
    case attachments
    /// The numbered links of a message (`u` in the viewer).
    case urls
    /// The outbox view: messages queued, failed, or waiting for their Sent copy.
    case outbox
    /// A one-line text prompt (search, folder name, command line). Printable keys type text here,
    /// so only keys that do not (`<C-a>`, `<Up>`, ...) may be bound, and global bindings do not apply.
    case prompt
    /// The help screen.
    case help

    /// Whether the global bindings apply in this context.
    public var inheritsGlobal: Bool {
        self != .global && self != .prompt
    }

    /// The context's name as written in `[keys.NAME]`.
    public var description: String { rawValue }
}
