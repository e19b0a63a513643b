/// A mouse event reported by the terminal (SGR 1006 or X10 encoding).
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        /// A button went down.
        case press(Button)
        /// A button went up (the button is unknown in the X10 encoding).
        case release(Button?)
        /// The mouse moved with a button held.
        case drag(Button)
        /// Wheel up (scroll towards the top).
        case wheelUp
        /// Wheel down.
        case wheelDown
        /// Wheel left.
        case wheelLeft
        /// Wheel right.
        case wheelRight
        /// The mouse moved with no button held.
        case move
    }

    /// Mouse buttons.
    public enum Button: Int, Hashable, Sendable {
        /// Left button.
        case left = 0
        /// Middle button.
        case middle = 1
        /// Right button.
        case right = 2
    }

    /// What happened.
    public var kind: Kind
    /// Where, 0-based.
    public var position: Point
    /// Shift, Alt and Control held during the event.
    public var modifiers: Key.Modifiers

    /// Creates a mouse event.
    public init(kind: Kind, position: Point, modifiers: Key.Modifiers = []) {
        self.kind = kind
        self.position = position
        self.modifiers = modifiers
    }
}
