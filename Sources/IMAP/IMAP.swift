// The sans-I/O IMAP protocol code: commands and their encoders, response parsers and client state
// machines. Bytes in, events and bytes out; no sockets. See ARCHITECTURE.md.
//
// Layout:
//   Grammar/   one protocol type per file with its parse rule and its encoder (RFC 9051 §9 names)
//   Parser/    ResponseFramer (where a response ends, literals skipped, limits) and ResponseParser
//              (events: whole responses, FETCH items one by one, big bodies streamed);
//              Parser/Grammar/ holds the recursive-descent rules by area
//   Response/  the parsed responses and the ResponseEvent stream
//   Command/   Command, its encoding (quoting vs literals, LITERAL+/-, UTF-8, traces without secrets)
//   Client/    IMAPClient (tags, pipelining, continuations, SASL, IDLE, STARTTLS, session state),
//              FetchedMessage and FetchAccumulator
// Transport/IMAP/IMAPConnection drives IMAPClient over a MailConnection.
import MailCore

/// Namespace for the IMAP protocol module.
public enum IMAPProtocol {}
