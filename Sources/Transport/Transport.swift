// The only target that opens sockets or does TLS (SwiftNIO + NIOSSL). See ARCHITECTURE.md.
import MailCore

/// Namespace for the Transport module.
public enum TransportModule {}
