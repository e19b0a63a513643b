import MailCore
import MailEngine
import TerminalKit

/// What arrives on the UI loop from elsewhere: backend events and the answers to ``Effect``s.
public enum AppMessage: Sendable {
    /// An event from an account's backend.
    case event(account: String, BackendEvent)
    /// An account's folders.
    case foldersLoaded(account: String, Result<[FolderInfo], UIError>)
    /// A folder's message count.
    case counted(FolderKey, generation: Int, Result<Int, UIError>)
    /// A page of rows.
    case pageLoaded(FolderKey, generation: Int, page: Int, Result<[MessageRow], UIError>)
    /// The threads of a folder, built.
    case threadsBuilt(FolderKey, generation: Int, Result<ThreadedList, UIError>)
    /// More rows of a threaded list.
    case threadRowsLoaded(FolderKey, generation: Int, [MessageRow])
    /// The answer to a ``FindRequest``: the line found, or nil.
    case found(FindRequest, Result<Int?, UIError>)
    /// The messages matching a query.
    case matched(FolderKey, generation: Int, purpose: MatchPurpose, Result<Set<UID>, UIError>)
    /// The answer to a ``ViewerEffect``.
    case viewer(ViewerAnswer)
    /// The count of a newly opened list and the pages of its first screen
    /// (``Effect/loadFirstRows(_:order:filter:atEnd:height:generation:)``), applied together so
    /// that no screen shows the rows before the list is positioned on them; a page that could not
    /// be read is left out (it is asked for again).
    case firstRowsLoaded(FolderKey, generation: Int, Result<Int, UIError>, pages: [(page: Int, rows: [MessageRow])])
    /// A sync ended.
    case synced(FolderKey, Result<SyncReport, UIError>)
    /// The newest page of a folder with nothing cached arrived (``Effect/syncNewest(_:count:)``).
    case newestSynced(FolderKey, Result<SyncReport, UIError>)
    /// A change to messages ended.
    case performed(MessageAction, uids: [UID], in: FolderKey, Result<Void, UIError>)
    /// The answer to a composer effect (Compose/ComposeEffect.swift).
    case compose(ComposeAnswer)
    /// The number of messages in each account's outbox (``Effect/countOutbox``).
    case outboxCounted([String: Int])
}
