import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time zone the UI shows dates in: the system's local time, or a given Foundation zone.
///
/// The system's zone is read with localtime(3) (the `TZ` variable, else /etc/localtime), not with
/// `TimeZone.current`: on Linux Foundation's time zones are ICU's, and loading ICU's zone data
/// costs the client 3 MB of memory for what the C library answers from the zoneinfo file.
public enum DisplayZone: Sendable, Hashable {
    /// The system's local time.
    case system
    /// A Foundation time zone (tests, or a zone chosen on purpose).
    case zone(TimeZone)

    /// The offset from UTC at `date`, in seconds (daylight saving time included).
    public func secondsFromGMT(for date: Date) -> Int {
        switch self {
        case .zone(let zone):
            return zone.secondsFromGMT(for: date)
        case .system:
            _ = Self.initialiseOnce
            let seconds = date.timeIntervalSince1970
            guard seconds.isFinite, abs(seconds) < 1e15 else { return 0 }
            var time = time_t(seconds.rounded(.down))
            var parts = tm()
            guard localtime_r(&time, &parts) != nil else { return 0 }
            return Int(parts.tm_gmtoff)
        }
    }

    /// The broken-down time of `date` in this zone (`tm_gmtoff` is left 0), or nil for a date
    /// out of range.
    func brokenDown(_ date: Date) -> tm? {
        let seconds = date.timeIntervalSince1970 + Double(secondsFromGMT(for: date))
        guard seconds.isFinite, abs(seconds) < 1e15 else { return nil }
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return nil }
        return parts
    }

    /// localtime_r(3) needs the zone read once (tzset(3)); this reads it the first time a system
    /// offset is asked for.
    private static let initialiseOnce: Void = tzset()
}
