@testable import IMAP
import TernTestSupport
import Testing

/// Feeds `chunks` to a parser one at a time and collects every event, with consecutive
/// `bodyBytes` merged (their cut depends on the chunks, their content must not).
func parseEvents(_ chunks: [[UInt8]], limits: IMAPLimits = .default) throws -> [ResponseEvent] {
    var parser = ResponseParser(limits: limits)
    var events: [ResponseEvent] = []
    for chunk in chunks {
        parser.append(chunk)
        while let event = try parser.next() {
            if case .bodyBytes(let bytes) = event, case .bodyBytes(let previous)? = events.last {
                events[events.count - 1] = .bodyBytes(ArraySlice(Array(previous) + Array(bytes)))
            } else if case .bodyBytes(let bytes) = event {
                events.append(.bodyBytes(ArraySlice(Array(bytes))))
            } else {
                events.append(event)
            }
        }
    }
    if let error = parser.endOfStreamError() { throw error }
    return events
}

/// The events of a whole transcript given at once.
func parseEvents(_ text: String, limits: IMAPLimits = .default) throws -> [ResponseEvent] {
    try parseEvents([Array(text.utf8)], limits: limits)
}

/// The one untagged response of `text`.
func parseUntagged(_ text: String) throws -> UntaggedResponse {
    let events = try parseEvents(text)
    guard events.count == 1, case .untagged(let response) = events[0] else {
        throw HarnessError("expected one untagged response, got \(events)")
    }
    return response
}

/// The attributes of the one FETCH response of `text`.
func parseFetchAttributes(_ text: String) throws -> [MessageAttribute] {
    try parseEvents(text).compactMap { event in
        if case .fetchAttribute(let attribute) = event { return attribute }
        return nil
    }
}

/// The body structure of `* 1 FETCH (BODYSTRUCTURE ...)`.
func parseBodyStructure(_ structure: String) throws -> BodyStructure {
    for attribute in try parseFetchAttributes("* 1 FETCH (BODYSTRUCTURE \(structure))\r\n") {
        if case .bodyStructure(let body, _) = attribute { return body }
    }
    throw HarnessError("no BODYSTRUCTURE in the answer")
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Bytes of a string.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
