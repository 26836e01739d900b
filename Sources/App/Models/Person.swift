import Fluent
import Foundation
import HavenDomain

/// A victim, perpetrator, witness or requester: a pseudonymous code in clear, identity sealed.
final class Person: Model, @unchecked Sendable {
    static let schema = "persons"

    @ID(key: .id) var id: UUID?
    /// The code shown everywhere, e.g. `P-7KQ2M9`.
    @Field(key: "code") var code: String
    /// `PersonIdentity` as JSON, sealed under the documentation key.
    @Field(key: "identity_sealed") var identitySealed: Data
    /// The day (midnight UTC) the person was first recorded: never the moment, which would match the incident recorded
    /// with them.
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID, code: String, identitySealed: Data, at date: Date) {
        self.id = id
        self.code = code
        self.identitySealed = identitySealed
        self.createdAt = Self.day(of: date)
    }

    /// Midnight UTC of the day a moment falls on.
    static func day(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    /// The person with this code, if any.
    static func find(on db: any Database, code: String) async throws -> Person? {
        try await Person.query(on: db).filter(\.$code == code).first()
    }
}
