import Fluent
import Foundation

/// A one-time code: an invitation or a recovery reset, with which a person chooses a password (their private key waits
/// here sealed under the code until it is redeemed); or an enrolment code, without which nobody may enrol a first second
/// factor while second factors are required.
final class CredentialCode: Model, @unchecked Sendable {
    static let schema = "credential_codes"

    /// Why the code was issued.
    enum Purpose: String, Codable, Sendable {
        case invitation, recovery
        /// Proves, at a first enrolment under the requirement, something a stolen password alone does not: the
        /// invitation or reset code used at `/welcome` turns into one, or an administrator gives one.
        case enrolment
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Enum(key: "purpose") var purpose: Purpose
    /// SHA-256 of the normalised code (the code carries 128 random bits).
    @Field(key: "code_digest") var codeDigest: String
    @Field(key: "sealed_private_key") var sealedPrivateKey: Data
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, purpose: Purpose, codeDigest: String, sealedPrivateKey: Data, expiresAt: Date) {
        self.$user.id = userID
        self.purpose = purpose
        self.codeDigest = codeDigest
        self.sealedPrivateKey = sealedPrivateKey
        self.expiresAt = expiresAt
    }

    /// How long an invitation or reset code stays valid.
    static let lifetime: TimeInterval = 7 * 24 * 3600
}
