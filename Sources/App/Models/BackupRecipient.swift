import Fluent
import Foundation

/// A further age recipient (`age1…`) every backup is encrypted to, besides the recovery key: a board member, an
/// offline laptop.
final class BackupRecipient: Model, @unchecked Sendable {
    static let schema = "backup_recipients"

    @ID(key: .id) var id: UUID?
    /// Whose key it is, as the administrator named it.
    @Field(key: "label") var label: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "added_at") var addedAt: Date

    init() {}

    init(label: String, recipient: String, addedAt: Date) {
        self.label = label
        self.recipient = recipient
        self.addedAt = addedAt
    }
}
