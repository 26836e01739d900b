import Fluent
import Foundation
import HavenDomain

/// A publication as it was after an edit or a status change.
final class PublicationRevision: Model, @unchecked Sendable {
    static let schema = "publication_revisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @OptionalParent(key: "actor_user_id") var actor: User?
    /// `create`, `edit`, or the new status.
    @Field(key: "action") var action: String
    /// `PublicationSnapshot` as JSON.
    @Field(key: "snapshot") var snapshot: Data
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}
