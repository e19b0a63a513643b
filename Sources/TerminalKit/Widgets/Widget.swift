/// Something that draws itself into a rectangle of a ``CellBuffer``.
///
/// Widgets never touch the terminal: drawing is a pure function of the widget's fields and the area,
/// and a ``Screen`` shows the buffer afterwards.
public protocol Widget {
    /// Draws into `area` of `buffer`, clipped to it.
    func draw(into buffer: inout CellBuffer, area: Rect)
}

/// A widget whose view state (selection, scroll offset, cursor) lives in a separate value.
///
/// Drawing reads the state and may correct it for the area's size (keep the selection visible after
/// a resize, remember the page height for paging), which is why the state is `inout`.
public protocol StatefulWidget {
    /// The view state type, e.g. ``ListState``.
    associatedtype State
    /// Draws into `area` of `buffer` with `state`.
    func draw(into buffer: inout CellBuffer, area: Rect, state: inout State)
}
