// The sans-I/O IMAP protocol code: commands and their encoders, response parsers and client state
// machines. Bytes in, events and bytes out; no sockets. See ARCHITECTURE.md.
import MailCore

/// Namespace for the IMAP protocol module.
public enum IMAPProtocol {}
