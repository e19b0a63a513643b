#if canImport(Glibc)
import Glibc
#endif

/// The interactive client's malloc settings, made first thing in `main`, before any thread but the
/// main one has allocated.
///
/// glibc gives each thread that allocates an arena of its own (up to 8 per core): the UI thread,
/// the event loop of each IMAP connection, the cache writer and the concurrency pool each keep
/// what they freed in their own arena. A cold start on 100,000 messages over IMAP (benchui,
/// release build) peaked at 67 MB with those arenas and at 64 MB with one; with the interactive
/// sync's sizes (``InteractiveSync``), 51.6 to 52.2 MB with one arena from the start, but 53.6 to
/// 53.9 MB when it was set only once the client was starting (the threads that had allocated by
/// then kept theirs): hence first thing in `main`. The sync took no longer (per-thread caches
/// keep small allocations off the arena's lock). Blocks of 128 KiB and more (batches of rows,
/// their arrays) are mapped on their own and returned when freed, instead of raising the heap,
/// which only shrinks from its top (about 0.5 MB less at the peak).
///
/// Only the interactive client (`tern` with no subcommand, `tern compose`) is tuned; a user's
/// own `MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_` or
/// `GLIBC_TUNABLES` wins. Elsewhere than on glibc this does nothing.
enum AllocatorTuning {
    /// Arenas at most.
    static let arenas: Int32 = 1
    /// The size from which blocks are mapped on their own, in bytes.
    static let mmapThreshold: Int32 = 128 << 10
    /// The subcommands that open the interactive client.
    static let interactiveSubcommands: Set<String> = ["compose"]

    /// Whether `arguments` (without the program's name) run the interactive client: none of them
    /// names a subcommand other than `compose`. An option value that happens to be a subcommand's
    /// name only leaves the defaults in place.
    static func isInteractive(_ arguments: [String]) -> Bool {
        let names = Set(Tern.configuration.subcommands.map { $0._commandName } + ["help"])
        return !arguments.contains { names.contains($0) && !interactiveSubcommands.contains($0) }
    }

    /// Applies the settings when `arguments` run the interactive client and `environment` sets
    /// none of malloc's own.
    /// - Parameters:
    ///   - arguments: the command line without the program's name.
    ///   - environment: the process's environment.
    /// - Returns: whether they were applied.
    @discardableResult
    static func apply(arguments: [String], environment: [String: String]) -> Bool {
        let own = ["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"]
        guard isInteractive(arguments), !own.contains(where: { environment[$0] != nil }) else { return false }
        #if canImport(Glibc)
        // mallopt(3) is declared in <malloc.h>, which the Glibc module does not export.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let arenaMax: Int32 = -8, mmapThresholdOption: Int32 = -3 // M_ARENA_MAX, M_MMAP_THRESHOLD
        return mallopt(arenaMax, arenas) == 1 && mallopt(mmapThresholdOption, mmapThreshold) == 1
        #else
        return false
        #endif
    }
}
