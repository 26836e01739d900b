/// Where an account stands.
public enum AccountStatus: String, CaseIterable, Sendable, Codable {
    /// Created by an administrator; the person has not yet chosen a password.
    case invited
    case active
    /// Cannot sign in; every session ended when it was disabled.
    case disabled
}
