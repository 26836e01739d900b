import Fluent
import Foundation

/// A one-time code that lets a person choose a password: an invitation or a recovery reset.
/// The user's private key waits here sealed under the code until it is redeemed.
final class CredentialCode: Model, @unchecked Sendable {
    static let schema = "credential_codes"

    /// Why the code was issued.
    enum Purpose: String, Codable, Sendable {
        case invitation, recovery
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
