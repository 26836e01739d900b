import Foundation

/// How far a legal proceeding has gone.
public enum ProceedingStage: String, CaseIterable, Sendable, Codable {
    case investigation
    case firstInstance = "first_instance"
    case appeal, cassation
    case constitutionalCourt = "constitutional_court"
    case ecthr
    case unTreatyBody = "un_treaty_body"

    public var labelKey: String { "stage_\(rawValue)" }
}
