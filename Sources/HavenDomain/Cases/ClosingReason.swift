import Foundation

/// Why a case was closed (VOCABULARY.md, casework).
public enum ClosingReason: String, CaseIterable, Sendable, Codable {
    case resolved, referred, declined
    case lostContact = "lost_contact"
    case assistanceRefused = "assistance_refused"

    public var labelKey: String { "closing_\(rawValue)" }
}
