import TerminalKit

/// Draws the whole UI from ``AppState``: a pure function of the state, the size and the theme.
///
/// Drawing may adjust the view states in `state` (scroll offsets fitted to the size, the page
/// height remembered for paging), which is why the state is `inout`; nothing else changes.
public enum AppRenderer {
    /// Draws `state` into `frame` (of the terminal's size).
    public static func render(_ state: inout AppState, into frame: inout Frame) {
        if state.size != frame.buffer.size { state.size = frame.buffer.size }
        frame.buffer.fill(frame.area, style: state.theme[.normal])
        switch state.screens.last {
        case .reader?:
            ReaderScreenView.draw(&state, into: &frame)
            return
        case .attachments?:
            AttachmentScreenView.draw(&state, into: &frame)
            return
        case .urls?:
            URLListScreenView.draw(&state, into: &frame)
            return
        case .composer?:
            ComposerView.draw(&state, into: &frame)
            return
        case .outbox?:
            OutboxView.draw(&state, into: &frame)
            return
        default:
            break
        }
        if state.topPage != nil {
            PageView.draw(&state, into: &frame)
            return
        }
        let layout = state.layout
        if let sidebar = layout.sidebar {
            SidebarView.draw(&state, into: &frame.buffer, area: sidebar, divider: layout.divider)
        }
        MessageListView.draw(&state, into: &frame.buffer, area: layout.list)
        StatusBar.draw(state, into: &frame.buffer, area: layout.status)
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: layout.bottom, above: layout.status)
    }
}
