// The sans-I/O POP3 protocol code: commands and their encoders, response parsers and client state
// machines. Bytes in, events and bytes out; no sockets. See ARCHITECTURE.md.
import MailCore

/// Namespace for the POP3 protocol module.
public enum POP3Protocol {}
