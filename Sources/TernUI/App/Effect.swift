import Foundation
import MailCore
import MailEngine

/// What to look for when moving to the next matching message (`<Tab>`, `n`).
public enum FindPredicate: Hashable, Sendable {
    /// An unread message.
    case unread
    /// A message matching a query.
    case query(SearchQuery)
}

/// A search through a flat list, one page of rows at a time from the backend's cache.
public struct FindRequest: Hashable, Sendable {
    /// The folder.
    public var folder: FolderKey
    /// The list's order.
    public var order: MailEngine.SortOrder
    /// The list's limit.
    public var filter: SearchQuery?
    /// The list generation the positions belong to.
    public var generation: Int
    /// Start after (or before, going backward) this line.
    public var start: Int
    /// The number of lines.
    public var count: Int
    /// Search toward the top.
    public var backward: Bool
    /// Go on from the other end after the last (first) line.
    public var wraps: Bool
    /// What to find.
    public var predicate: FindPredicate

    /// Creates a request.
    public init(folder: FolderKey, order: MailEngine.SortOrder, filter: SearchQuery?, generation: Int, start: Int, count: Int,
                backward: Bool, wraps: Bool, predicate: FindPredicate) {
        self.folder = folder
        self.order = order
        self.filter = filter
        self.generation = generation
        self.start = start
        self.count = count
        self.backward = backward
        self.wraps = wraps
        self.predicate = predicate
    }
}

/// Why the messages matching a query are collected.
public enum MatchPurpose: Hashable, Sendable {
    /// Tag them.
    case tag
    /// Untag them.
    case untag
    /// Find the next (previous) one in a threaded list, after line `start`.
    case search(start: Int, backward: Bool)
}

/// A change made to messages, remembered until the backend confirms it (to undo the local change
/// if it fails).
public enum MessageAction: Hashable, Sendable {
    /// Flags changed.
    case setFlags(FlagChange)
    /// Moved to a folder.
    case move(to: MailboxPath)
    /// Copied to a folder.
    case copy(to: MailboxPath)
    /// Deleted.
    case delete

    /// `moved to Archive`, for messages.
    public var pastTense: String {
        switch self {
        case .setFlags: return "updated"
        case .move(let to): return "moved to \(to)"
        case .copy(let to): return "copied to \(to)"
        case .delete: return "deleted"
        }
    }
}

/// A request the UI makes of the world: the result of a command or an event. The runtime performs
/// effects off the UI thread and posts their answers back as ``AppMessage``s, so nothing here waits.
public enum Effect: Hashable, Sendable {
    /// List an account's folders.
    case loadFolders(account: String)
    /// Count a folder's messages (matching the limit).
    case loadCount(FolderKey, filter: SearchQuery?, generation: Int)
    /// Count a newly opened list's messages and load the rows its first screen shows, `height`
    /// rows at its end or its start, in one go: they arrive together
    /// (``AppMessage/firstRowsLoaded(_:generation:_:pages:)``), one round trip less before the
    /// first screen than ``loadCount(_:filter:generation:)`` then pages.
    case loadFirstRows(FolderKey, order: MailEngine.SortOrder, filter: SearchQuery?, atEnd: Bool, height: Int, generation: Int)
    /// Load one page of rows of a flat list.
    case loadPage(FolderKey, order: MailEngine.SortOrder, page: Int, range: Range<Int>, filter: SearchQuery?, generation: Int)
    /// Build the threads of a folder (and load every row).
    case loadThreads(FolderKey, filter: SearchQuery?, newestFirst: Bool, generation: Int)
    /// Bring a folder's cache up to date.
    case sync(FolderKey)
    /// Bring just the newest `count` messages of a folder with nothing cached into the cache, as
    /// fast as the server allows (``MailBackend/syncNewest(_:count:)``); the full sync follows.
    case syncNewest(FolderKey, count: Int)
    /// Watch a folder for changes made elsewhere.
    case watch(FolderKey)
    /// Fetch the newest message of a folder in the background, unless it is large or the backend
    /// keeps no messages (``BackendCapabilities/bodyCache``): the message most often opened first,
    /// after a sync brought new mail (no answer comes back).
    case prefetchNewest(FolderKey)
    /// Change messages.
    case perform(MessageAction, uids: [UID], in: FolderKey)
    /// Find the next line matching a predicate in a flat list.
    case find(FindRequest)
    /// Collect the uids of the messages matching a query.
    case collectMatches(FolderKey, query: SearchQuery, purpose: MatchPurpose, generation: Int)
    /// What the viewer asks for: load a message, save, open or pipe a part (Sources/TernUI/Viewer).
    case viewer(ViewerEffect)
    /// Redraw the whole terminal (`<C-l>`).
    case redrawScreen
    /// Counts the messages waiting in every account's outbox (the answer is
    /// ``AppMessage/outboxCounted(_:)``), so the status line follows changes made by other
    /// programs (`tern send`, `tern outbox flush`) too.
    case countOutbox
    /// The composer's work (Compose/ComposeEffect.swift).
    case compose(ComposeEffect)
}
