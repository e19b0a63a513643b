/// A password or token, resolved from a `SecretSource`. Its text is only reachable through
/// ``reveal()``: `description`, `debugDescription`, string interpolation and reflection (`dump`,
/// debuggers) print `<secret>`, so a secret cannot end up in a log or an error message by accident.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// A secret holding `value`.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret's text, for the one place that sends it to a server.
    public func reveal() -> String { value }

    /// `<secret>`.
    public var description: String { "<secret>" }

    /// `<secret>`.
    public var debugDescription: String { "<secret>" }

    /// No children, so `dump` shows nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
