import Fluent
import Foundation
import HavenDomain

/// A note on a case, sealed under the case's key.
final class CaseNote: Model, @unchecked Sendable {
    static let schema = "case_notes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseFile: Case
    @OptionalParent(key: "author_user_id") var author: User?
    @Field(key: "body_sealed") var bodySealed: Data
    @Field(key: "written_at") var writtenAt: Date

    init() {}

    init(id: UUID, caseID: UUID, authorID: UUID, bodySealed: Data, at date: Date) {
        self.id = id
        self.$caseFile.id = caseID
        self.$author.id = authorID
        self.bodySealed = bodySealed
        self.writtenAt = date
    }
}
