import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps tern's open files out of the programs it starts.
///
/// A child started with `posix_spawn` inherits every descriptor not marked close-on-exec. Foundation's
/// `Process` and `Pipe` leave their pipe ends inheritable, so an editor or viewer started while a
/// background `sendmail` send runs would hold sendmail's standard input open until it exits, and the
/// send would hang until then. Every spawner of tern therefore gives its child only 0, 1 and 2:
/// ``closeInherited(_:)`` is the last file action of each spawn.
public enum SpawnDescriptors {
    #if canImport(Glibc)
    /// The spawn's file actions, as the C library declares them.
    public typealias FileActions = posix_spawn_file_actions_t
    #else
    /// The spawn's file actions, as the C library declares them.
    public typealias FileActions = posix_spawn_file_actions_t?
    #endif

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<FileActions>, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, looked up at run time: Swift's Glibc
    /// module does not declare it (it is a GNU extension), and older C libraries lack it.
    private static let closeFrom: CloseFrom? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// Makes the child of a spawn keep only descriptors 0, 1 and 2.
    ///
    /// Add it after the actions that put the child's standard streams in place (their `dup2`s read
    /// descriptors above 2, which this closes). With the C library's close-from action, the child
    /// closes everything above 2 itself, whatever another thread opens meanwhile; without it,
    /// every descriptor open now above 2 is marked close-on-exec in tern (harmless to tern: a
    /// program that should get one of them gets it through `dup2`, which clears the mark).
    ///
    /// - Parameter actions: the spawn's file actions (initialised).
    public static func closeInherited(_ actions: inout FileActions) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        markOpenDescriptorsCloseOnExec()
    }

    /// Marks every descriptor of this process above 2 close-on-exec (listed in `/proc/self/fd`,
    /// else `/dev/fd`). For spawners that cannot use file actions.
    public static func markOpenDescriptorsCloseOnExec() {
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))
            ?? (try? FileManager.default.contentsOfDirectory(atPath: "/dev/fd")) ?? []
        for name in listing {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }
}
