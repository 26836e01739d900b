import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Exports: everything a staff member may read, opened with their keys, as one JSON document or a ZIP of CSV files
/// (one per record type, stable column names, vocabulary codes with their English labels). Every export is audited.
struct Exports: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let incidents: Incidents
    let persons: Persons
    let cases: Casework
    let publishing: Publishing
    let vocabularies: VocabularyStore

    /// The two shapes of an export.
    enum Format: String, Sendable, CaseIterable {
        case csv, json

        var fileExtension: String { self == .csv ? "zip" : "json" }
    }

    /// A record whose reading is audited (restricted incidents, persons, cases), opened for an export.
    typealias OpenedRecord = (table: String, id: UUID)

    /// Every table `staff` may read, opened; `opened` gets the records whose reading is audited.
    func tables(for staff: SignedInStaff, opened: inout [OpenedRecord], on db: any Database) async throws -> [CSVTable] {
        var tables: [CSVTable] = []
        if staff.role.readsDocumentation { tables += try await documentation(for: staff, opened: &opened, on: db) }
        if staff.role.runsCases { tables += try await caseTables(for: staff, opened: &opened, on: db) }
        if staff.role.writesPublications { tables.append(try await publicationTable(on: db)) }
        tables.append(vocabularyTable())
        return tables
    }

    /// The export's file for `staff`, audited.
    func export(_ format: Format, for staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> Data {
        var opened: [OpenedRecord] = []
        let tables = try await tables(for: staff, opened: &opened, on: db)
        let records = opened
        // One entry for the export, and one per record it opened whose reading is always audited.
        try await audit.transaction(on: db) { _, audit in
            try await audit.append(actor: staff.actor, action: "export.\(format.rawValue)", table: "", id: "\(records.count)", at: now)
            for record in records {
                try await audit.append(actor: staff.actor, action: "export.read", table: record.table, id: record.id.uuidString, at: now)
            }
        }
        switch format {
        case .csv:
            var zip = ZipWriter()
            for table in tables { try zip.add("\(table.name).csv", data: Data(table.text.utf8), modified: now) }
            return zip.data
        case .json:
            return try Self.json(tables, exportedAt: now)
        }
    }

    /// One document: `{"exported_at": …, "tables": {"incidents": [{column: value}, …], …}}`.
    static func json(_ tables: [CSVTable], exportedAt: Date) throws -> Data {
        var document: [String: Any] = ["exported_at": exportedAt.ISO8601Format(), "format": "haven-export 1"]
        var byName: [String: Any] = [:]
        for table in tables {
            byName[table.name] = table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.columns, row)) }
        }
        document["tables"] = byName
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    // MARK: Shared cell formats

    static func moment(_ date: Date?) -> String { date?.ISO8601Format() ?? "" }
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    func label(_ vocabulary: String, _ code: String) -> String {
        vocabularies.list(named: vocabulary)?.term(code)?.label(.en) ?? ""
    }

    private func vocabularyTable() -> CSVTable {
        var table = CSVTable(
            name: "vocabularies", columns: ["vocabulary", "code", "parent", "label_en", "label_ru", "label_ro", "retired"])
        for list in Vocabulary.all {
            guard let current = vocabularies.list(named: list.name) else { continue }
            for term in current.terms {
                table.append([
                    current.name, term.code, term.parent ?? "", term.label(.en), term.label(.ru), term.label(.ro),
                    Self.yesNo(term.isRetired),
                ])
            }
        }
        return table
    }

    private func publicationTable(on db: any Database) async throws -> CSVTable {
        var table = CSVTable(
            name: "publications",
            columns: [
                "slug", "kind", "status", "language", "is_original", "date", "published_at", "title", "summary", "body", "countries",
                "categories",
            ])
        for record in try await Publication.query(on: db).sort(\.$seq).all() {
            let opened = try await publishing.open(record, on: db)
            let draft = opened.draft
            for language in draft.title.languages.union(draft.body.languages).sorted() {
                table.append([
                    record.slug, record.kind.rawValue, record.status.rawValue, language, Self.yesNo(language == draft.originalLanguage),
                    record.date, Self.moment(record.publishedAt), draft.title.values[language] ?? "", draft.summary.values[language] ?? "",
                    draft.body.values[language] ?? "", record.countries, record.categories,
                ])
            }
        }
        return table
    }
}
