import MailCore
import MailEngine
import TerminalKit
import TernConfig

extension AppState {
    /// Opens the message on list line `line` in the viewer (replacing a message already shown),
    /// loads it in the background and marks it read.
    /// - Parameter attachments: show its attachment screen once it is loaded (`v` in the list).
    public mutating func openMessage(atLine line: Int, attachments: Bool = false) -> [Effect] {
        guard var view = folder, let row = view.row(at: line) else {
            if folder?.rowCount ?? 0 > 0 { show(.info, "The message is still loading") }
            return []
        }
        view.list.select(line, count: view.rowCount)
        folder = view
        let reference = MessageReference(folder: view.key, uid: row.uid)
        var screen = ReaderScreen(reference: reference, title: row.subject.isEmpty ? "(no subject)" : row.subject)
        screen.attachmentsWhenLoaded = attachments
        if case .reader(let previous)? = screens.last {
            screen.carriedOptions = previous.reader?.options ?? previous.carriedOptions
            screens[screens.count - 1] = .reader(screen)
        } else {
            push(.reader(screen))
        }
        var effects: [Effect] = [.viewer(.load(reference))]
        if row.isUnread { effects += changeFlags(.add([.seen]), on: [row.uid]) }
        return effects
    }

    /// In the viewer, shows the message `delta` lines away in the list.
    public mutating func showAdjacentMessage(_ delta: Int) -> [Effect] {
        guard let view = folder, let current = view.list.selected else { return [] }
        let next = current + delta
        guard next >= 0, next < view.rowCount else {
            show(.info, delta > 0 ? "This is the last message" : "This is the first message")
            return []
        }
        return openMessage(atLine: next)
    }

    /// The viewer, when it is the top screen.
    public var topReader: ReaderScreen? {
        if case .reader(let screen)? = screens.last { return screen }
        return nil
    }

    /// The attachment screen, when it is the top screen.
    public var topAttachments: AttachmentScreen? {
        if case .attachments(let screen)? = screens.last { return screen }
        return nil
    }

    /// The message on the top screen (the viewer or its attachment screen), once loaded: what
    /// reply and forward in the viewer act on.
    public var viewedMessage: (reference: MessageReference, message: Message)? {
        switch screens.last {
        case .reader(let screen)?: return screen.message.map { (screen.reference, $0) }
        case .attachments(let screen)?: return (screen.reference, screen.message)
        default: return nil
        }
    }

    /// Changes the viewer on top; returns what `change` returned, or nil when the top screen is
    /// not the viewer. The screen is taken off the stack while it changes, so its laid-out lines
    /// are changed in place, never copied.
    @discardableResult
    public mutating func updateReader<T>(_ change: (inout ReaderScreen) -> T) -> T? {
        guard case .reader(var screen)? = screens.last else { return nil }
        screens.removeLast()
        let result = change(&screen)
        screens.append(.reader(screen))
        return result
    }

    /// The viewer's text area at the current size and layout.
    var readerBody: Rect {
        ReaderScreenView.parts(layout: config.layout, sidebar: sidebar, size: size).body
    }

    /// The options a message opens with at the current size.
    func readerOptions(carrying previous: ReaderOptions?) -> ReaderOptions {
        let area = readerBody
        var options = ReaderOptions(width: max(1, area.width), preferHTML: config.preferHTML,
                                    foldQuotes: config.viewer.foldQuotes, timeZone: config.timeZone)
        if let previous {
            options.preferHTML = previous.preferHTML
            options.showAllHeaders = previous.showAllHeaders
            options.foldQuotes = previous.foldQuotes
        }
        return options
    }

    /// A message arrived for the viewer: lays out its first screen.
    mutating func applyLoaded(_ reference: MessageReference, _ result: Result<Message, UIError>) -> [Effect] {
        guard let index = screens.lastIndex(where: {
            if case .reader(let screen) = $0 { return screen.reference == reference && screen.reader == nil }
            return false
        }), case .reader(var screen) = screens[index] else { return [] }
        var effects: [Effect] = []
        switch result {
        case .success(let message):
            let height = max(1, readerBody.height)
            screen.reader = ReaderState(message: message, options: readerOptions(carrying: screen.carriedOptions), height: height)
            screen.failure = nil
            effects += Self.startBackgroundLayout(&screen)
        case .failure(let error):
            screen.failure = "Cannot show this message: \(error.message)"
            show(.error, error.message)
        }
        let wantsAttachments = screen.attachmentsWhenLoaded && screen.message != nil
        screen.attachmentsWhenLoaded = false
        screens[index] = .reader(screen)
        if wantsAttachments, index == screens.count - 1, let message = screen.message {
            var attachments = AttachmentScreen(reference: reference, message: message, preferHTML: screen.reader?.options.preferHTML ?? false)
            attachments.closesViewer = true
            push(.attachments(attachments))
        }
        return effects
    }

    /// Starts laying out the rest of the screen's message off the UI thread, unless it is complete.
    static func startBackgroundLayout(_ screen: inout ReaderScreen) -> [Effect] {
        screen.layoutGeneration += 1
        guard let reader = screen.reader, !reader.document.isComplete else {
            screen.layingOut = false
            return []
        }
        screen.layingOut = true
        return [.viewer(.layOut(LayoutJob(reference: screen.reference, generation: screen.layoutGeneration, document: reader.document)))]
    }

    /// A layout finished in the background: the viewer takes it if it is still for its message and
    /// options (`G` pressed meanwhile goes to the end now).
    mutating func applyLaidOut(_ job: LayoutJob) {
        guard let index = screens.lastIndex(where: {
            if case .reader(let screen) = $0 { return screen.reference == job.reference && screen.layoutGeneration == job.generation }
            return false
        }), case .reader(var screen) = screens[index] else { return }
        screen.layingOut = false
        if var reader = screen.reader {
            screen.reader = nil
            reader.adopt(job.document)
            screen.reader = reader
        }
        let wantsURLs = screen.urlsWhenLaidOut
        screen.urlsWhenLaidOut = false
        screens[index] = .reader(screen)
        if wantsURLs, index == screens.count - 1 { _ = showURLList() }
    }

    /// Scrolls the viewer.
    public mutating func scrollReader(_ movement: PageMovement) {
        let waiting: Bool? = updateReader { screen in
            guard var reader = screen.reader else { return false }
            screen.reader = nil
            defer { screen.reader = reader }
            reader.wantsBottom = false
            if case .bottom = movement, screen.layingOut, !reader.document.isComplete {
                // The rest is being laid out off the UI thread: go there when it is done.
                reader.wantsBottom = true
                return true
            }
            switch movement {
            case .rows(let n): reader.scroll(by: n)
            case .pages(let n): reader.page(by: n)
            case .halfPages(let n): reader.scroll(by: n * max(1, reader.height / 2))
            case .top: reader.toTop()
            case .bottom: reader.toBottom()
            }
            return false
        }
        if waiting == true { show(.info, "Laying out the rest of the message; going to the end when it is done") }
    }

    /// Changes the viewer's layout options (all headers, quotes, HTML, raw source).
    /// - Returns: the background layout of the new layout's rest.
    mutating func changeReaderOptions(_ change: (inout ReaderOptions, ReaderContent) -> String?) -> [Effect] {
        guard topReader?.reader != nil else {
            show(.info, topReader == nil ? "No message is shown" : "The message is still loading")
            return []
        }
        let (note, effects): (String?, [Effect]) = updateReader { screen in
            guard var reader = screen.reader else { return (nil, []) }
            screen.reader = nil
            var options = reader.options
            let note = change(&options, reader.document.content)
            let changed = options != reader.options
            reader.setOptions(options)
            screen.reader = reader
            return (note, changed ? Self.startBackgroundLayout(&screen) : [])
        } ?? (nil, [])
        if let note { show(.info, note) }
        return effects
    }

    /// Searches the viewer's text and shows the next (previous) match.
    /// - Parameter again: `n`/`N`: from the current match on.
    mutating func searchReader(_ text: String, backward: Bool, again: Bool) {
        let found: Bool? = updateReader { screen in
            guard var reader = screen.reader else { return false }
            screen.reader = nil
            defer { screen.reader = reader }
            if again, reader.lastQuery == text, reader.search != nil { return reader.findNext(backward: backward) }
            return reader.find(text, backward: backward)
        }
        if found == false { show(.info, "Not found: \(text)") }
    }

    /// Fits the viewer to the text area at the current size (called when drawing).
    mutating func fitReader(width: Int, height: Int) {
        guard let reader = topReader?.reader, reader.options.width != max(1, width) || reader.height != max(1, height) else { return }
        updateReader { screen in
            guard var reader = screen.reader else { return }
            screen.reader = nil
            reader.resize(width: max(1, width), height: max(1, height))
            screen.reader = reader
        }
    }
}

extension AppState {
    /// The mouse over the viewer (the wheel scrolls three lines) or the attachment screen (the
    /// wheel scrolls, a click selects).
    mutating func handleViewerMouse(_ event: MouseEvent) -> [Effect] {
        if topReader != nil {
            switch event.kind {
            case .wheelUp: scrollReader(.rows(-3))
            case .wheelDown: scrollReader(.rows(3))
            default: break
            }
            return []
        }
        let body = ScreenLayout.page(size: size).body
        updateAttachments { screen in _ = screen.list.handleMouse(event, area: body, count: screen.rows.count) }
        updateURLs { screen in _ = screen.list.handleMouse(event, area: body, count: screen.urls.count) }
        return []
    }
}

extension AppState {
    /// `Tab` (`S-Tab`) in the viewer: shows the next (previous) unread message. When it is not among
    /// the rows loaded, the account finds it and the viewer opens it when the answer comes
    /// (``followUnreadJump()``); the message on screen stays until then.
    public mutating func nextUnreadFromViewer(backward: Bool) -> [Effect] {
        guard let before = folder?.list.selected else { return [] }
        let effects = jumpToUnread(backward: backward)
        if let after = folder?.list.selected, after != before { return effects + openMessage(atLine: after) }
        if effects.contains(where: { if case .find = $0 { return true } else { return false } }) {
            updateReader { $0.unreadJump = .searching(from: before) }
        }
        return effects
    }

    /// After every message: opens the message a viewer `Tab` found once the account answered and
    /// its row is loaded.
    mutating func followUnreadJump() -> [Effect] {
        guard let jump = topReader?.unreadJump, let view = folder, let selected = view.list.selected else { return [] }
        switch jump {
        case .searching(let from):
            if isSearching { return [] }
            guard selected != from else {
                // Not found (the bottom line says so), or the list changed.
                updateReader { $0.unreadJump = nil }
                return []
            }
            updateReader { $0.unreadJump = .found(line: selected) }
            return followUnreadJump()
        case .found(let line):
            guard selected == line else {
                updateReader { $0.unreadJump = nil }
                return []
            }
            guard view.row(at: line) != nil else { return [] }
            updateReader { $0.unreadJump = nil }
            return openMessage(atLine: line)
        }
    }
}
