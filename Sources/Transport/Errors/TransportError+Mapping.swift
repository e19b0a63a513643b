import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TransportError {
    /// The transport error for whatever NIO, the system or NIOSSL threw on a connection to
    /// `host`:`port`.
    static func from(_ error: any Error, host: String, port: Int) -> TransportError {
        if let error = error as? TransportError { return error }
        func make(_ kind: Kind, _ detail: String = "") -> TransportError {
            TransportError(kind, host: host, port: port, detail: detail)
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, let dns = error.dnsAError ?? error.dnsAAAAError {
                return make(.hostNotFound, "\(dns)")
            }
            if error.connectionErrors.isEmpty { return make(.hostNotFound, "no address found") }
            // Report the most telling of the per-address failures.
            let mapped = error.connectionErrors.map { from($0.error, host: host, port: port) }
            return mapped.first { $0.kind != .io } ?? mapped[0]
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return make(.connectTimeout)
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: return make(.closedByServer)
            default: return make(.io, "\(error)")
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return make(.connectionRefused)
            case ENETUNREACH, EHOSTUNREACH: return make(.networkUnreachable, "\(error)")
            case ECONNRESET, EPIPE: return make(.closedByServer, "connection reset")
            case ETIMEDOUT: return make(.connectTimeout)
            default: return make(.io, "\(error)")
            }
        }
        if let error = error as? NIOSSLExtraError {
            if error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch {
                return make(.hostnameMismatch, "\(error)")
            }
            return make(.tlsHandshakeFailed, "\(error)")
        }
        if let error = error as? NIOSSLError {
            let text = "\(error)"
            switch error {
            case .handshakeFailed:
                if text.contains("CERTIFICATE_VERIFY_FAILED") {
                    return make(.certificateUntrusted, "certificate verify failed")
                }
                if text.contains("EOF during handshake") { return make(.closedByServer, "during the TLS handshake") }
                return make(.tlsHandshakeFailed, text)
            case .uncleanShutdown: return make(.closedByServer)
            default: return make(.tlsHandshakeFailed, text)
            }
        }
        if error is CancellationError { return make(.cancelled) }
        return make(.io, "\(error)")
    }
}
