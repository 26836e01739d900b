import Fluent
import Foundation
import HavenDomain
import NIOConcurrencyHelpers
import SQLKit

/// The countries incidents are recorded in, kept in memory for the list's country filter (a menu of the 250 countries
/// would cost more to render than the query behind the page).
final class RecordedCountries: Sendable {
    private let codes = NIOLockedValueBox(Set<String>())

    /// The codes, sorted.
    var all: [String] { codes.withLockedValue { $0.sorted() } }

    /// Reads the countries in use from the database.
    func reload(on db: any Database) async throws {
        let rows = try await (db as! any SQLDatabase).raw("SELECT DISTINCT country FROM incidents").all()
        let found = Set(try rows.map { try $0.decode(column: "country", as: String.self) })
        codes.withLockedValue { $0 = found }
    }

    /// Adds a country once an incident in it is stored.
    func insert(_ code: String) {
        _ = codes.withLockedValue { $0.insert(code) }
    }
}
