import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates in the message list: relative for recent mail (`just now`, `12 min ago`, `14:32` today,
/// `Tue 14:32` this week), the configured strftime(3) format for older mail and dates in the future.
public struct DateText: Sendable {
    /// The strftime(3) format for older mail (`[ui] date_format`).
    public var format: String
    /// The time zone dates are shown in.
    public var timeZone: DisplayZone

    /// Creates a formatter.
    public init(format: String, timeZone: DisplayZone = .system) {
        self.format = format
        self.timeZone = timeZone
    }

    /// Creates a formatter showing dates in a Foundation time zone.
    public init(format: String, timeZone: TimeZone) {
        self.init(format: format, timeZone: .zone(timeZone))
    }

    /// The date as the list shows it, relative to `now`.
    public func string(_ date: Date, now: Date) -> String {
        let delta = now.timeIntervalSince(date)
        if delta >= 0 && delta < 60 { return "just now" }
        if delta >= 0 && delta < 3600 { return "\(Int(delta / 60)) min ago" }
        if delta >= 0 {
            let days = day(now) - day(date)
            if days == 0 { return strftime("%H:%M", date) }
            if days < 7 { return strftime("%a %H:%M", date) }
        }
        return strftime(format, date)
    }

    /// The columns the date column needs: the widest relative form or the format's width.
    public var columnWidth: Int {
        let sample = Date(timeIntervalSince1970: 1_798_761_599) // 2026-12-31 23:59:59 UTC
        return min(20, max(10, strftime(format, sample).count))
    }

    /// Days since 1970 in the display time zone.
    private func day(_ date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86400).rounded(.down))
    }

    /// strftime(3) of `date` in the display time zone (broken down with gmtime_r after shifting by
    /// the zone's offset, so the process's TZ does not matter).
    func strftime(_ format: String, _ date: Date) -> String {
        guard var parts = timeZone.brokenDown(date) else { return "?" }
        var buffer = [CChar](repeating: 0, count: 128)
        #if canImport(Glibc)
        let count = format.withCString { Glibc.strftime(&buffer, buffer.count, $0, &parts) }
        #else
        let count = format.withCString { Darwin.strftime(&buffer, buffer.count, $0, &parts) }
        #endif
        guard count > 0 else { return "" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
