import Foundation
import TerminalKit

extension AppState {
    /// Scrolls the top page to the next (previous) row containing `text`, case-insensitively.
    /// - Parameter skipCurrent: start after the top row (for `n`), not at it.
    public mutating func searchPage(_ text: String, backward: Bool, skipCurrent: Bool) {
        let width = ScreenLayout.page(size: size).body.width
        let found: Bool? = updateTopPage { page -> Bool in
            page.search = text
            let layout = page.layout(width: width)
            let count = layout.rowCount
            guard count > 0 else { return false }
            let step = backward ? -1 : 1
            var i = page.view.offset + (skipCurrent ? step : 0)
            for _ in 0..<count {
                i = (i + count) % count
                if layout.rows[i].plainText.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil {
                    page.view.scroll(toRow: i, rowCount: count)
                    return true
                }
                i += step
            }
            return false
        }
        if found == false { show(.info, "Not found: \(text)") }
    }

    /// Scrolls the top page by `rows`, or by pages when `pages` is set.
    public mutating func scrollPage(_ movement: PageMovement) {
        let width = ScreenLayout.page(size: size).body.width
        let height = ScreenLayout.page(size: size).body.height
        updateTopPage { page in
            let count = page.layout(width: width).rowCount
            let page_ = max(1, height - 1)
            switch movement {
            case .rows(let n): page.view.scroll(by: n, rowCount: count)
            case .pages(let n): page.view.scroll(by: n * page_, rowCount: count)
            case .halfPages(let n): page.view.scroll(by: n * max(1, height / 2), rowCount: count)
            case .top: page.view.scrollToTop()
            case .bottom: page.view.scrollToEnd(rowCount: count)
            }
        }
    }
}

/// How far to move a page or a list.
public enum PageMovement: Hashable, Sendable {
    /// By rows (negative: up).
    case rows(Int)
    /// By screens.
    case pages(Int)
    /// By half screens.
    case halfPages(Int)
    /// To the top.
    case top
    /// To the bottom.
    case bottom
}
