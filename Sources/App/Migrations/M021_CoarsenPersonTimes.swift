import Fluent
import Foundation

/// Persons kept the exact moment they were recorded, equal to the microsecond to the `created_at` of the incident
/// recorded with them, which linked the persons of a restricted incident to it on a seized disk. From now on a person's
/// time is the day only (`Persons.create`); this rounds the times already stored down to their day.
struct M021_CoarsenPersonTimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for person in try await Person.query(on: database).all() {
            let day = Person.day(of: person.createdAt)
            guard day != person.createdAt else { continue }
            person.createdAt = day
            try await person.save(on: database)
        }
    }

    /// The exact times are gone; nothing to restore.
    func revert(on database: any Database) async throws {}
}
