import Fluent
import Foundation
import HavenDomain

/// An edit of a published or scheduled publication by someone who may not publish, waiting for a publisher.
final class PublicationProposal: Model, @unchecked Sendable {
    static let schema = "publication_proposals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @OptionalParent(key: "author_user_id") var author: User?
    /// The proposed `PublicationDraft` as JSON.
    @Field(key: "draft") var draft: Data
    @Field(key: "proposed_at") var proposedAt: Date

    init() {}
}
