import MailEngine

/// The attachments of a message to save into one folder (`S`).
public struct SaveAllRequest: Hashable, Sendable {
    /// One attachment.
    public struct Item: Hashable, Sendable {
        /// The part's number (`2`, `3.1`).
        public var number: String
        /// The decoded part.
        public var bytes: [UInt8]
        /// Its name from the message (sanitised), or nil.
        public var proposedName: String?
        /// Its type.
        public var mimeType: String
        /// The safe name it gets in the folder.
        public var name: String
        /// True when a file of that name was in the folder when the user chose it.
        public var exists: Bool

        /// An item.
        public init(number: String, bytes: [UInt8], proposedName: String?, mimeType: String, name: String, exists: Bool) {
            self.number = number
            self.bytes = bytes
            self.proposedName = proposedName
            self.mimeType = mimeType
            self.name = name
            self.exists = exists
        }
    }

    /// The folder, as resolved (absolute).
    public var folder: String
    /// The attachments, in message order.
    public var items: [Item]
    /// Replace the files that exist (the user said yes); otherwise such an item gets a numbered name.
    public var replace: Bool

    /// A request.
    public init(folder: String, items: [Item], replace: Bool) {
        self.folder = folder
        self.items = items
        self.replace = replace
    }

    /// The items whose name is taken in the folder.
    public var existing: [Item] { items.filter(\.exists) }
}

/// How a save-all ended: the files written (in order), and the failure that stopped it, if any.
public struct SaveAllOutcome: Hashable, Sendable {
    /// The files written.
    public var saved: [AttachmentFiles.Saved]
    /// Why it stopped before the end.
    public var failure: AttachmentFiles.Failure?

    /// An outcome.
    public init(saved: [AttachmentFiles.Saved], failure: AttachmentFiles.Failure?) {
        self.saved = saved
        self.failure = failure
    }
}
