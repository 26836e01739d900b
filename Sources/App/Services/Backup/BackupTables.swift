/// The tables a backup holds, in the order they are created (so rows can be restored table by table without breaking
/// a reference), each with the columns its rows are read in order of. The search indexes are left out: they are
/// rebuilt from the records after a restore. A test checks that this list names every other table.
enum BackupTables {
    /// A table and the columns that order its rows (its primary key, or a unique key).
    struct Table: Sendable {
        let name: String
        let orderedBy: [String]
    }

    static let all: [Table] = [
        .init(name: "organisations", orderedBy: ["id"]), .init(name: "users", orderedBy: ["id"]),
        .init(name: "credential_codes", orderedBy: ["id"]), .init(name: "key_grants", orderedBy: ["id"]),
        .init(name: "audit_entries", orderedBy: ["sequence"]), .init(name: "reports", orderedBy: ["id"]),
        .init(name: "report_messages", orderedBy: ["id"]), .init(name: "report_attachments", orderedBy: ["id"]),
        .init(name: "report_reads", orderedBy: ["id"]), .init(name: "cases", orderedBy: ["id"]),
        .init(name: "case_notes", orderedBy: ["id"]), .init(name: "case_events", orderedBy: ["id"]),
        .init(name: "case_tasks", orderedBy: ["id"]), .init(name: "case_services", orderedBy: ["id"]),
        .init(name: "incidents", orderedBy: ["id"]), .init(name: "incident_facets", orderedBy: ["incident_seq", "facet"]),
        .init(name: "persons", orderedBy: ["id"]), .init(name: "person_name_tokens", orderedBy: ["id"]),
        .init(name: "acts", orderedBy: ["id"]), .init(name: "incident_sources", orderedBy: ["id"]),
        .init(name: "evidence", orderedBy: ["id"]), .init(name: "evidence_custody", orderedBy: ["id"]),
        .init(name: "incident_revisions", orderedBy: ["id"]), .init(name: "vocabulary_edits", orderedBy: ["id"]),
        .init(name: "proceedings", orderedBy: ["id"]), .init(name: "case_incidents", orderedBy: ["id"]),
        .init(name: "content_languages", orderedBy: ["code"]), .init(name: "publications", orderedBy: ["id"]),
        .init(name: "signatories", orderedBy: ["id"]), .init(name: "publication_signatories", orderedBy: ["id"]),
        .init(name: "publication_incidents", orderedBy: ["id"]), .init(name: "publication_revisions", orderedBy: ["id"]),
        .init(name: "site_pages", orderedBy: ["name"]), .init(name: "publication_proposals", orderedBy: ["id"]),
        .init(name: "backup_recipients", orderedBy: ["id"]), .init(name: "backup_runs", orderedBy: ["id"]),
        .init(name: "counters", orderedBy: ["name"]), .init(name: "proceeding_revisions", orderedBy: ["id"]),
        .init(name: "report_links", orderedBy: ["id"]), .init(name: "second_factor_backup_codes", orderedBy: ["id"]),
        .init(name: "merged_records", orderedBy: ["id"]), .init(name: "statistics_releases", orderedBy: ["id"]),
    ]

    /// Tables that are not data: Fluent's record of migrations (a restore migrates) and the search indexes.
    static func isLeftOut(_ table: String) -> Bool {
        table == "_fluent_migrations" || table.hasPrefix("incident_search") || table.hasPrefix("publication_search")
            || table.hasPrefix("sqlite_")
    }
}
