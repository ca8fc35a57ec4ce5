import Feeds
import Foundation
import Markets

/// Parses inline flows CSV text as the file `name`.
func parseFlows(_ text: String, name: String = "flows.csv", today: Day = testToday) throws -> [ParsedObservations] {
    try FlowsCSVParser(today: today).parse(Array(text.utf8), name: name)
}

/// Parses inline loss-share CSV text as the file `name`.
func parseLossShare(_ text: String, name: String = "loss.csv", today: Day = testToday) throws -> ParsedObservations {
    try LossShareCSVParser(today: today).parse(Array(text.utf8), name: name)
}

/// The error a flows parse throws, or nil when it succeeds.
func flowsError(_ text: String, name: String = "bad.csv") -> ImportError? {
    do { _ = try parseFlows(text, name: name); return nil } catch { return error as? ImportError }
}

/// The error a loss-share parse throws, or nil when it succeeds.
func lossShareError(_ text: String, name: String = "bad.csv") -> ImportError? {
    do { _ = try parseLossShare(text, name: name); return nil } catch { return error as? ImportError }
}
