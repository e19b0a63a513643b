/// A command ready to send: its tag, its bytes cut at synchronising literals, and how a
/// protocol trace shows it (secrets as `****`, long literals as their size).
public struct EncodedCommand: Hashable, Sendable {
    /// The tag.
    public var tag: String
    /// The chunks; after each but the last the client waits for a continuation request.
    public var chunks: [CommandChunk]
    /// The command for a trace, without line end.
    public var traceText: String

    /// A command from its parts.
    public init(tag: String, chunks: [CommandChunk], traceText: String) {
        self.tag = tag
        self.chunks = chunks
        self.traceText = traceText
    }

    /// All the bytes, as one string would send them (for tests and non-synchronising literals).
    public var bytes: [UInt8] { chunks.flatMap(\.bytes) }
}
