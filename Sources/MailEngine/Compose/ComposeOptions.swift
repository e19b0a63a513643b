/// How new drafts are laid out: where the user writes in a reply, and where the signature goes.
public struct ComposeOptions: Sendable, Hashable {
    /// Where the user's text (and the editor's cursor) goes in a reply.
    public enum ReplyStyle: String, Sendable, Hashable, CaseIterable {
        /// Below the quoted text (interleaved or bottom posting; NeoMutt's default).
        case bottom
        /// Above the quoted text (top posting), the signature above the quote too.
        case top
    }

    /// Where the user writes in a reply.
    public var replyStyle: ReplyStyle
    /// Put the `-- ` separator line before the signature (RFC 3676 §4.3) unless it has one.
    public var signatureDashes: Bool
    /// Add the signature to replies.
    public var signatureOnReplies: Bool
    /// Add the signature to forwards.
    public var signatureOnForwards: Bool
    /// Send new drafts as `format=flowed`.
    public var flowed: Bool
    /// The width HTML originals are rendered at for quoting and forwarding.
    public var quoteWidth: Int

    /// Options; the defaults are NeoMutt's.
    public init(replyStyle: ReplyStyle = .bottom, signatureDashes: Bool = true, signatureOnReplies: Bool = true,
                signatureOnForwards: Bool = true, flowed: Bool = false, quoteWidth: Int = 72) {
        self.replyStyle = replyStyle
        self.signatureDashes = signatureDashes
        self.signatureOnReplies = signatureOnReplies
        self.signatureOnForwards = signatureOnForwards
        self.flowed = flowed
        self.quoteWidth = quoteWidth
    }
}
