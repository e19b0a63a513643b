#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes message text to an open file descriptor as it arrives (RETR into a Maildir `tmp/`
/// file): the network is not read further until each chunk is written, so memory stays bounded
/// whatever the message size.
public struct FileDescriptorWriter: Sendable {
    /// The descriptor; it stays open and owned by the caller (who fsyncs and closes it).
    public let fileDescriptor: Int32

    /// A writer for `fileDescriptor`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Writes all of `bytes`, retrying after partial writes and interruptions.
    ///
    /// - Throws: ``FileWriteError`` with the system's reason (disk full, bad descriptor, ...).
    public func write(_ bytes: ArraySlice<UInt8>) throws(FileWriteError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let result = systemWrite(fileDescriptor, base + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += result
            }
            return nil
        }
        if let failure { throw FileWriteError(code: failure) }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(fd, pointer, count)
    #elseif canImport(Musl)
    Musl.write(fd, pointer, count)
    #else
    Glibc.write(fd, pointer, count)
    #endif
}

/// Writing message text to a file failed.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public var code: Int32

    /// The system's reason.
    public var description: String {
        "Cannot write the message to disk: \(String(cString: strerror(code)))."
    }
}
