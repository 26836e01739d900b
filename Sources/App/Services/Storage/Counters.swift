import Fluent
import SQLKit
import Vapor

/// Numbers for records that are numbered in order (incidents, publications), one counter row per kind. Taking a
/// number updates the row inside the caller's transaction, so a second writer waits for the first to commit and then
/// takes the next number: no two writers, in one process or several, get the same one.
enum Counters {
    /// The next number of `name` (`incidents`, `publications`); call it inside the transaction that stores the record.
    static func next(_ name: String, on db: any Database) async throws -> Int {
        let row = try await (db as! any SQLDatabase).raw(
            "UPDATE counters SET value = value + 1 WHERE name = \(bind: name) RETURNING value"
        ).first()
        guard let value = try row?.decode(column: "value", as: Int.self) else {
            throw Abort(.internalServerError, reason: "no counter named \(name)")
        }
        return value
    }

    /// Moves a counter up to at least `value` (after records were numbered outside `next`, as the benchmarks do).
    static func raise(_ name: String, to value: Int, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            "UPDATE counters SET value = \(bind: value) WHERE name = \(bind: name) AND value < \(bind: value)"
        ).run()
    }
}
