import TernConfig

/// How new drafts are laid out: where the user writes in a reply, and where the signature goes.
public struct ComposeOptions: Sendable, Hashable {
    /// Where the user writes in a reply (`reply_style`).
    public var replyStyle: ReplyStyle
    /// Put the `-- ` separator line before the signature (RFC 3676 §4.3) unless it has one
    /// (`signature_dashes`).
    public var signatureDashes: Bool
    /// Add the signature to replies.
    public var signatureOnReplies: Bool
    /// Add the signature to forwards.
    public var signatureOnForwards: Bool
    /// Send new drafts as `format=flowed` (`format_flowed`).
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

    /// The options the config's settings ask for.
    public init(settings: GeneralSettings) {
        self.init(replyStyle: settings.replyStyle, signatureDashes: settings.signatureDashes, flowed: settings.formatFlowed)
    }
}
