// The only target that writes mail to disk: Maildir, the header cache, the outbox, drafts.
import MailCore

/// Namespace for the MailStore module.
public enum MailStoreModule {}
