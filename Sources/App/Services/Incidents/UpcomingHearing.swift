import Foundation

/// A hearing on the calendar: its day and its incident (a restricted incident's title is never listed).
struct UpcomingHearing: Sendable {
    let day: String
    let incidentCode: String
    /// The clear title; empty for a restricted incident.
    let title: String
    let isRestricted: Bool
}
