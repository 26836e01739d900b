import Fluent
import Foundation
import HavenDomain

/// A keyed hash of one folded word of a person's names, to offer existing persons when a name is typed again.
final class PersonNameToken: Model, @unchecked Sendable {
    static let schema = "person_name_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "token") var token: String

    init() {}

    init(personID: UUID, token: String) {
        self.$person.id = personID
        self.token = token
    }
}
