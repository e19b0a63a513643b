import Foundation
import NIOCore
import NIOSSL

/// The client side of TLS for every mail connection: the system trust store plus the account's
/// `ca_file`, full certificate verification with the host name checked, TLS 1.2 or newer.
enum ClientTLS {
    /// A TLS context for the given extra CA file.
    ///
    /// - Parameters:
    ///   - caFile: PEM file of extra trusted CA certificates, or nil for the system store only.
    ///   - host: For error messages.
    ///   - port: For error messages.
    /// - Throws: `TransportError(.caFileUnreadable)` when the file is missing, unreadable or has
    ///   no PEM certificate; `.tlsHandshakeFailed` when the TLS library cannot set up.
    static func makeContext(caFile: String?, host: String, port: Int) throws(TransportError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        configuration.trustRoots = systemTrustRoots
        if let caFile {
            configuration.additionalTrustRoots = [.certificates(try loadCertificates(caFile, host: host, port: port))]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TransportError(.tlsHandshakeFailed, host: host, port: port, detail: "cannot set up TLS: \(error)")
        }
    }

    /// The system's trust store. Where the system keeps its CAs as a hashed directory
    /// (`c_rehash` links named by subject hash, as `update-ca-certificates` makes them), that
    /// directory: the TLS library then reads the one CA a server's chain names when it verifies
    /// it. Otherwise NIOSSL's default, which parses the whole CA bundle file (about 140
    /// certificates, 40 ms or more) every time a connection is set up.
    static let systemTrustRoots: NIOSSLTrustRoots = {
        #if os(Linux)
        for directory in ["/etc/ssl/certs", "/etc/pki/tls/certs"] where isHashedCertificateDirectory(directory) {
            return .file(directory)
        }
        #endif
        return .default
    }()

    /// True when `path` is a directory holding at least one `c_rehash` link (`1a2b3c4d.0`).
    static func isHashedCertificateDirectory(_ path: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.contains { name in
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && parts[0].count == 8 && parts[0].allSatisfy(\.isHexDigit)
                && !parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)
        }
    }

    /// The certificates of a PEM file, with a clear error for each way it can be wrong.
    static func loadCertificates(_ path: String, host: String, port: Int) throws(TransportError) -> [NIOSSLCertificate] {
        func failure(_ why: String) -> TransportError {
            TransportError(.caFileUnreadable, host: host, port: port, detail: "ca_file \(path): \(why)")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw failure("no such file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot be read") }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(data))
        } catch {
            throw failure("not a PEM certificate file (\(error))")
        }
        guard !certificates.isEmpty else { throw failure("holds no PEM certificate") }
        return certificates
    }

    /// The name for SNI and host name verification: nil for an IP address literal.
    ///
    /// SNI must not carry an IP address (RFC 6066 §3). With nil, NIOSSL checks the certificate's
    /// IP address SANs against the address actually connected to, so `127.0.0.1` is verified
    /// against `IP:127.0.0.1` in the certificate (and a DNS SAN alone does not match an IP).
    static func serverName(for host: String) -> String? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if (try? SocketAddress(ipAddress: bare, port: 0)) != nil { return nil }
        return host
    }

    /// A new handler that runs the client side of the handshake for `host`.
    static func makeHandler(context: NIOSSLContext, host: String, port: Int) throws(TransportError) -> NIOSSLClientHandler {
        do {
            return try NIOSSLClientHandler(context: context, serverHostname: serverName(for: host))
        } catch {
            throw TransportError(.hostnameMismatch, host: host, port: port, detail: "\(host) cannot be verified: \(error)")
        }
    }
}
