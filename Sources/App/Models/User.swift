import Fluent
import Foundation
import HavenDomain
import HavenVault

/// A staff member. The e-mail is sealed; login finds the row by a keyed hash of it.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// HMAC-SHA-256 of the normalised e-mail under the instance's lookup key.
    @Field(key: "email_lookup") var emailLookup: String
    /// The e-mail sealed under the staff directory key (readable by administrators and the recovery key).
    @Field(key: "email_sealed") var emailSealed: Data
    @Enum(key: "role") var role: StaffRole
    @Enum(key: "status") var status: AccountStatus
    @OptionalField(key: "language") var language: String?
    @Field(key: "public_key") var publicKey: Data
    @OptionalField(key: "password_sealed_private_key") var passwordSealedPrivateKey: Data?
    @Field(key: "recovery_sealed_private_key") var recoverySealedPrivateKey: Data
    @OptionalField(key: "kdf_salt") var kdfSalt: Data?
    @OptionalField(key: "kdf_parameters") var kdfParameters: String?
    @OptionalField(key: "verifier_hash") var verifierHash: String?
    /// The TOTP secret sealed (HPKE) to the user's own public key.
    @OptionalField(key: "second_factor_sealed") var secondFactorSealed: Data?
    /// The last TOTP step accepted, so a code works once.
    @OptionalField(key: "second_factor_last_step") var secondFactorLastStep: Int64?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Whether new anonymous reports are sealed to this user (coordinators by default).
    @Field(key: "receives_intake") var receivesIntake: Bool
    /// The name colleagues see, sealed under the colleagues key; nil until one is chosen.
    @OptionalField(key: "display_name_sealed") var displayNameSealed: Data?
    /// The private key sealed under the user's personal recovery code (shown once, kept by them).
    @OptionalField(key: "personal_recovery_sealed_key") var personalRecoverySealedKey: Data?
    /// SHA-256 of the normalised personal recovery code (128 random bits), to find the account it belongs to.
    @OptionalField(key: "personal_recovery_digest") var personalRecoveryDigest: String?
    /// Where content-free notices go, sealed under the notices key (which the server holds); nil for none.
    @OptionalField(key: "notice_address_sealed") var noticeAddressSealed: Data?

    init() {}

    init(
        id: UUID = UUID(), emailLookup: String, emailSealed: Data, role: StaffRole, status: AccountStatus,
        publicKey: Data, recoverySealedPrivateKey: Data
    ) {
        self.id = id
        self.emailLookup = emailLookup
        self.emailSealed = emailSealed
        self.role = role
        self.status = status
        self.publicKey = publicKey
        self.recoverySealedPrivateKey = recoverySealedPrivateKey
        self.receivesIntake = role.triagesIntake
    }

    /// The user with this e-mail lookup hash, if any.
    static func find(on db: any Database, emailLookup: String) async throws -> User? {
        try await User.query(on: db).filter(\.$emailLookup == emailLookup).first()
    }

    /// The key material as the vault reads it; nil while the user has no password (invited).
    var storedKeys: StoredUserKeys? {
        guard let sealed = passwordSealedPrivateKey, let salt = kdfSalt, let parameters = kdfParameters,
            let verifier = verifierHash
        else { return nil }
        return StoredUserKeys(
            publicKey: publicKey, passwordSealedPrivateKey: sealed, recoverySealedPrivateKey: recoverySealedPrivateKey,
            salt: salt, kdfParameters: parameters, verifierHash: verifier)
    }

    /// Stores freshly sealed key material (new password, recovery).
    func apply(_ keys: StoredUserKeys) {
        publicKey = keys.publicKey
        passwordSealedPrivateKey = keys.passwordSealedPrivateKey
        recoverySealedPrivateKey = keys.recoverySealedPrivateKey
        kdfSalt = keys.salt
        kdfParameters = keys.kdfParameters
        verifierHash = keys.verifierHash
    }
}
