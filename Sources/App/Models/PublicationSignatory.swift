import Fluent
import Foundation
import HavenDomain

/// A signatory of one publication, in the order they are listed.
final class PublicationSignatory: Model, @unchecked Sendable {
    static let schema = "publication_signatories"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @Parent(key: "signatory_id") var signatory: Signatory
    @Field(key: "position") var position: Int

    init() {}

    init(publicationID: UUID, signatoryID: UUID, position: Int) {
        self.$publication.id = publicationID
        self.$signatory.id = signatoryID
        self.position = position
    }
}
