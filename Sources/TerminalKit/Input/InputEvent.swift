/// Something the user did at the terminal.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// Text pasted with bracketed paste (raw: sanitise before showing it; it may hold controls).
    case paste(String)
    /// A mouse event.
    case mouse(MouseEvent)
    /// The terminal changed size; the screen has already adopted the new size.
    case resize(Size)
}
