/// How far the facts of an incident have been checked.
public enum VerificationStatus: String, CaseIterable, Sendable, Codable {
    case unverified
    case partlyVerified = "partly_verified"
    case verified

    public var labelKey: String { "verification_\(rawValue)" }
}
