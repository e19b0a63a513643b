import Foundation

/// A TCP proxy on 127.0.0.1 that forwards connections to a port of the test stack and, for the
/// first connection, kills both sides once the server has sent `cutAfter` bytes (or the client
/// `clientCutAfter` bytes): the connection dies in the middle of whatever was being sent (TLS
/// records included), as a network failure or a stopped server would. Later connections are
/// forwarded untouched. (Tests never stop the shared servers: other tests run at the same time.)
final class CuttingProxy: @unchecked Sendable {
    /// The port the proxy listens on.
    let port: Int
    private let listener: Int32
    private let target: Int
    private let cutAfter: Int
    private let clientCutAfter: Int
    private let lock = NSLock()
    private var cutDone = false
    private var forwarded = 0

    /// Starts a proxy to `127.0.0.1:target`.
    init(target: Int, cutAfter: Int, clientCutAfter: Int = .max) throws {
        self.target = target
        self.cutAfter = cutAfter
        self.clientCutAfter = clientCutAfter
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProxyError("socket: \(String(cString: strerror(errno)))") }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw ProxyError("bind/listen: \(String(cString: strerror(errno)))")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// True once a connection was cut.
    var didCut: Bool { lock.withLock { cutDone } }

    /// Bytes forwarded from the server before the cut.
    var forwardedBeforeCut: Int { lock.withLock { forwarded } }

    /// Stops accepting (open connections end when either side closes).
    func stop() {
        // accept() then fails and the accepting thread closes the socket.
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        var first = true
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                close(listener)
                return
            }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                close(client)
                close(server)
                continue
            }
            let limit = first ? cutAfter : Int.max
            let clientLimit = first ? clientCutAfter : Int.max
            first = false
            let pair = SocketPair(client: client, server: server)
            Thread.detachNewThread { [self] in pump(from: client, to: server, limit: clientLimit, pair: pair) }
            Thread.detachNewThread { [self] in pump(from: server, to: client, limit: limit, pair: pair) }
        }
    }

    /// Copies bytes until EOF or the limit; at the limit, kills both connections.
    private func pump(from source: Int32, to destination: Int32, limit: Int, pair: SocketPair) {
        defer { pair.pumpEnded() }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var total = 0
        while true {
            let want = min(buffer.count, limit - total)
            if want <= 0 {
                lock.withLock {
                    cutDone = true
                    forwarded = total
                }
                pair.kill()
                return
            }
            let count = read(source, &buffer, want)
            if count <= 0 {
                shutdown(destination, Int32(SHUT_WR))
                return
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(destination, $0.baseAddress! + offset, count - offset) }
                if written <= 0 { return }
                offset += written
            }
            total += count
        }
    }

    /// The two sockets of one proxied connection, closed when both pumps have ended (never
    /// earlier: a closed descriptor number may be reused elsewhere in the process at once).
    private final class SocketPair: @unchecked Sendable {
        let client: Int32
        let server: Int32
        private let lock = NSLock()
        private var running = 2

        init(client: Int32, server: Int32) {
            self.client = client
            self.server = server
        }

        /// Resets the client's connection (RST, like a dead network path or a killed server)
        /// and ends the server's; both pumps then stop.
        func kill() {
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(server, Int32(SHUT_RDWR))
        }

        func pumpEnded() {
            let last = lock.withLock {
                running -= 1
                return running == 0
            }
            if last {
                close(client)
                close(server)
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    struct ProxyError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
