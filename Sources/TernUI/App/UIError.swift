/// A failure reported to the user: the text of a backend's error (which never holds a secret).
public struct UIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error from its text.
    public init(_ message: String) {
        self.message = message
    }

    /// Wraps any error by its description.
    public init(error: any Error) {
        self.message = String(describing: error)
    }

    /// The message.
    public var description: String { message }
}
