import Fluent
import Foundation

/// The organisation running this instance; its row exists once setup is done.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The public half of the recovery key; the private half was shown once at setup.
    @Field(key: "recovery_public_key") var recoveryPublicKey: Data
    /// When true, every staff member must enrol a second factor before using Haven.
    @Field(key: "requires_second_factor") var requiresSecondFactor: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, recoveryPublicKey: Data) {
        self.name = name
        self.recoveryPublicKey = recoveryPublicKey
        self.requiresSecondFactor = false
    }

    /// The instance's organisation, or nil before setup.
    static func current(on db: any Database) async throws -> Organisation? {
        try await Organisation.query(on: db).first()
    }
}
