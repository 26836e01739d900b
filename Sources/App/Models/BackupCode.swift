import Fluent
import Foundation

/// One unused second-factor backup code of a user, as a keyed hash (the lookup key is outside the database).
final class BackupCode: Model, @unchecked Sendable {
    static let schema = "second_factor_backup_codes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "digest") var digest: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userID: UUID, digest: String, at date: Date = Date()) {
        self.$user.id = userID
        self.digest = digest
        self.createdAt = date
    }
}
