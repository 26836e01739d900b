import Foundation

/// A hearing: its day and, once held, what came of it.
public struct Hearing: Sendable, Equatable, Codable {
    public var day: String
    public var outcome: String

    public init(day: String, outcome: String = "") {
        self.day = day
        self.outcome = outcome
    }
}
