import TernConfig

/// A screen over the main screen (sidebar and list): the screen stack's element.
///
/// This is the router of the UI. A command opens a screen by appending to ``AppState/screens``
/// (``AppState/push(_:)``), `close` pops it, the top screen decides the key context and is drawn
/// over everything. The viewer (issue 8) and the composer (issue 9) add their own cases here, with
/// their state, their ``keyContext``, a branch in ``AppRenderer`` and the commands of their context.
public enum ScreenEntry: Sendable {
    /// A page of text: help, the log, a program's output.
    case page(Page)
    /// The message viewer (issue 8; Sources/TernUI/Viewer).
    case reader(ReaderScreen)
    /// The attachment screen of a message (`v`).
    case attachments(AttachmentScreen)
    /// The link list of a message (`u`).
    case urls(URLListScreen)
    /// The composer's review screen of a draft (Compose/).
    case composer(ComposerState)
    /// The outbox view (Compose/).
    case outbox(OutboxScreen)

    /// The key context of the screen.
    public var keyContext: KeyContext {
        switch self {
        case .page(let page): return page.keyContext
        case .reader: return .viewer
        case .attachments: return .attachments
        case .urls: return .urls
        case .composer: return .composer
        case .outbox: return .outbox
        }
    }
}

extension AppState {
    /// Opens a screen on top.
    public mutating func push(_ screen: ScreenEntry) {
        screens.append(screen)
    }

    /// Closes the top screen; false when none is open.
    @discardableResult
    public mutating func popScreen() -> Bool {
        screens.popLast() != nil
    }

    /// The top screen's page, if the top screen is a page.
    public var topPage: Page? {
        if case .page(let page)? = screens.last { return page }
        return nil
    }

    /// Changes the top screen's page, if the top screen is a page; returns what `change` returned.
    @discardableResult
    public mutating func updateTopPage<T>(_ change: (inout Page) -> T) -> T? {
        guard case .page(var page)? = screens.last else { return nil }
        let result = change(&page)
        screens[screens.count - 1] = .page(page)
        return result
    }

    /// Changes every open page that matches `predicate`.
    public mutating func updatePages(where predicate: (Page) -> Bool, _ change: (inout Page) -> Void) {
        for i in screens.indices {
            guard case .page(var page) = screens[i], predicate(page) else { continue }
            change(&page)
            screens[i] = .page(page)
        }
    }
}
