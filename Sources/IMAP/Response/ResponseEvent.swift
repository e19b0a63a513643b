/// What the response parser makes of the server's bytes, in order.
///
/// A FETCH response comes as `fetchBegin`, then its items (`fetchAttribute`, and each body
/// section as `bodyBegin` / `bodyBytes`... / `bodyEnd`), then `fetchEnd`; big bodies are thus
/// never held whole in memory. Every other response comes whole.
///
/// ```
/// S: * 3 FETCH (UID 7 BODY[] {5}
/// S: hello)
/// ```
/// gives `fetchBegin(3)`, `fetchAttribute(.uid(7))`, `bodyBegin(BODY[], origin: nil, byteCount: 5)`,
/// `bodyBytes("hello")`, `bodyEnd`, `fetchEnd`.
public enum ResponseEvent: Hashable, Sendable {
    /// An untagged response.
    case untagged(UntaggedResponse)
    /// A command's final answer.
    indirect case tagged(TaggedResponse)
    /// A continuation request.
    indirect case continuation(ContinuationRequest)
    /// A FETCH response for this message sequence number starts.
    case fetchBegin(sequenceNumber: UInt32)
    /// An item of the FETCH response.
    case fetchAttribute(MessageAttribute)
    /// A body section starts: which, its origin for partial fetches, and its size (0 for NIL).
    case bodyBegin(BodySection, origin: UInt32?, byteCount: Int)
    /// Some bytes of the body section. They point into the parser's buffer: use or copy them
    /// before the next call to ``ResponseParser/append(_:)``.
    case bodyBytes(ArraySlice<UInt8>)
    /// The body section is complete.
    case bodyEnd
    /// The FETCH response is complete.
    case fetchEnd
}
