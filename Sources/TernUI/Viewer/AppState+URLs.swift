import TerminalKit
import TernConfig

extension AppState {
    /// The link list, when it is the top screen.
    public var topURLs: URLListScreen? {
        if case .urls(let screen)? = screens.last { return screen }
        return nil
    }

    /// Changes the link list on top; nil when it is not on top.
    @discardableResult
    public mutating func updateURLs<T>(_ change: (inout URLListScreen) -> T) -> T? {
        guard case .urls(var screen)? = screens.last else { return nil }
        let result = change(&screen)
        screens[screens.count - 1] = .urls(screen)
        return result
    }

    /// `u` in the viewer: the list of the message's links (the whole message is laid out to number them).
    public mutating func showURLList() -> [Effect] {
        guard let reader = topReader else { return [] }
        guard reader.reader != nil else {
            show(.info, "The message is still loading")
            return []
        }
        if reader.layingOut, reader.reader?.document.isComplete == false {
            // Numbering the links needs the whole message: wait for the layout off the UI thread.
            updateReader { $0.urlsWhenLaidOut = true }
            show(.info, "Finding the links of this long message; the list opens when it is laid out")
            return []
        }
        let urls = updateReader { screen -> [String] in
            guard var state = screen.reader else { return [] }
            screen.reader = nil
            defer { screen.reader = state }
            return state.urls()
        } ?? []
        guard !urls.isEmpty else {
            show(.info, "This message has no links")
            return []
        }
        push(.urls(URLListScreen(reference: reader.reference, title: reader.title, urls: urls)))
        return []
    }

    /// Moves the link list's selection.
    public mutating func moveURLs(_ movement: PageMovement) {
        updateURLs { screen in Self.apply(movement, to: &screen.list, count: screen.urls.count) }
    }

    /// `Enter`/`o` in the link list: opens the selected link with `$BROWSER` or the opener.
    public mutating func openSelectedURL() -> [Effect] {
        guard let url = topURLs?.selectedURL else { return [] }
        show(.info, "Opening \(url)")
        return [.viewer(.openURL(url, opener: config.viewer.opener))]
    }

    /// `y` in the link list: copies the selected link to the clipboard.
    public mutating func copySelectedURL() -> [Effect] {
        guard let url = topURLs?.selectedURL else { return [] }
        return [.viewer(.copy(CopyRequest(text: url)))]
    }
}
