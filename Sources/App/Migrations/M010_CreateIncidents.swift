import Fluent
import SQLKit

/// Incidents (ESF events) and the facets lists filter on: types, families, headings and perpetrator types.
struct M010_CreateIncidents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("incidents")
            .id()
            .field("seq", .int64, .required)
            .field("code", .string, .required)
            .field("confidentiality", .string, .required)
            .field("title", .string, .required)
            .field("body", .data, .required)
            .field("country", .string, .required)
            .field("start_date", .string, .required)
            .field("start_from", .string, .required)
            .field("end_date", .string)
            .field("end_to", .string, .required)
            .field("violation_status", .string, .required)
            .field("reliability", .string, .required)
            .field("verification", .string, .required)
            .field("victims", .int)
            .field("participants", .int)
            .field("detainees", .int)
            .field("created_by_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "seq")
            .unique(on: "code")
            .create()
        try await database.schema("incident_facets")
            .field("incident_seq", .int64, .required, .references("incidents", "seq", onDelete: .cascade))
            .field("facet", .string, .required)
            .unique(on: "facet", "incident_seq")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX incidents_by_start ON incidents (start_from)").run()
        try await sql.raw("CREATE INDEX incidents_by_country_start ON incidents (country, start_from)").run()
        try await sql.raw("CREATE INDEX incident_facets_by_incident ON incident_facets (incident_seq)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("incident_facets").delete()
        try await database.schema("incidents").delete()
    }
}
