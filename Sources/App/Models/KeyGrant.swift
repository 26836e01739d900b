import Fluent
import Foundation

/// One copy of a record's data key, sealed (HPKE) to one user or to the recovery key.
/// Granting access adds a row; revoking deletes it.
final class KeyGrant: Model, @unchecked Sendable {
    static let schema = "key_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "record_table") var recordTable: String
    @Field(key: "record_id") var recordID: String
    /// The user holding this copy; nil for the recovery key's copy.
    @OptionalParent(key: "holder_user_id") var holder: User?
    @Field(key: "sealed_key") var sealedKey: Data

    init() {}

    init(recordTable: String, recordID: String, holderUserID: UUID?, sealedKey: Data) {
        self.recordTable = recordTable
        self.recordID = recordID
        self.$holder.id = holderUserID
        self.sealedKey = sealedKey
    }
}
