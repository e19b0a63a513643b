import MailCore
import SMTP

/// A message ready to be sent: its bytes (Bcc removed), the envelope, and which recipients were
/// Bcc (for the Sent copy and for `sendmail -t`).
public struct OutgoingMessage: Sendable {
    /// The message as it goes out.
    public var bytes: [UInt8]
    /// The envelope sender (MAIL FROM).
    public var sender: String
    /// Every recipient (To, Cc, Bcc), each once, in ASCII form where the domain allows.
    public var recipients: [String]
    /// The Bcc recipients (also in ``recipients``).
    public var bcc: [String]
    /// The Subject, for listings.
    public var subject: String
    /// The Message-ID without brackets, when the message has one.
    public var messageID: String?

    /// A message from its parts.
    public init(bytes: [UInt8], sender: String, recipients: [String], bcc: [String] = [], subject: String = "",
                messageID: String? = nil) {
        self.bytes = bytes
        self.sender = sender
        self.recipients = recipients
        self.bcc = bcc
        self.subject = subject
        self.messageID = messageID
    }

    /// A message composed by MailCore's builder.
    public init(built: BuiltMessage, builder: MessageBuilder) {
        self.init(bytes: built.bytes, sender: built.envelopeSender, recipients: built.envelopeRecipients,
                  bcc: builder.bcc.map(\.asciiAddress), subject: builder.subject, messageID: built.messageID.value)
    }

    /// The SMTP envelope.
    public var envelope: SMTPEnvelope {
        SMTPEnvelope(sender: sender, recipients: recipients)
    }
}
