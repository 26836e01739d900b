import Fluent
import Foundation
import HavenTestSupport
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Exports")
struct ExportTests {
    @Test("an administrator downloads a ZIP of CSV files after typing the password again: every record type, BOM, formulas neutralised")
    func zipOfCSV() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "kim@example.org", role: .coordinator, by: admin)
            let restricted = try await recordIncident(
                admin, incidentFields(title: "=HYPERLINK(\"http://evil\")", confidentiality: "restricted"))
            _ = try await recordIncident(admin, incidentFields(title: "Кишинёв: марш без нападений", victim: "Ion Popescu"))
            let caseCode = try await openCase(admin)
            _ = try await writePublication(
                admin, publicationFields(extra: [("title[ru]", "Заявление"), ("summary[ru]", "Позиция."), ("body[ru]", "Текст.")]))

            let form = try await admin.get("/app/admin/export")
            #expect(form.status == .ok && form.body.contains("name=\"password\""))
            let coordinator = try await haven.signedInBrowser(email: "kim@example.org")
            #expect(try await coordinator.get("/app/admin/export").status == .forbidden)
            #expect(try await coordinator.submit("/app/admin/export", ["format": "csv", "password": goodPassword]).status == .forbidden)
            #expect(
                try await admin.submit("/app/admin/export", ["format": "csv", "password": goodPassword], csrf: .some(nil)).status
                    == .forbidden)
            let wrong = try await admin.submit("/app/admin/export", ["format": "csv", "password": "not the password 1"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("id=\"password-error\""))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action ~~ ["export.csv", "export.json"]).count() == 0)

            let download = try await admin.submit("/app/admin/export", ["format": "csv", "password": goodPassword])
            #expect(download.status == .ok && download.headers.contentType == HTTPMediaType(type: "application", subType: "zip"))
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let files = Dictionary(
                uniqueKeysWithValues: StoredZip.entries(download.bytes).map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
            for name in [
                "incidents", "acts", "sources", "proceedings", "evidence", "persons", "cases", "case_notes", "case_tasks", "case_services",
                "publications", "vocabularies",
            ] {
                let text = try #require(files["\(name).csv"], "\(name).csv is in the export")
                #expect(text.hasPrefix("\u{FEFF}"), "\(name).csv starts with a BOM")
            }
            let incidents = try #require(files["incidents.csv"])
            #expect(incidents.contains(restricted) && incidents.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
            #expect(incidents.contains("Кишинёв: марш без нападений") && (incidents.contains("V4.1;V4") || incidents.contains("V4;V4.1")))
            #expect(try #require(files["persons.csv"]).contains("Ion Popescu"))
            #expect(try #require(files["cases.csv"]).contains(caseCode) && files["cases.csv"]!.contains("Arman"))
            #expect(try #require(files["publications.csv"]).contains("Заявление"))
            #expect(try #require(files["vocabularies.csv"]).contains("incident-types,V4.1"))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "export.csv").count() == 1)
            let reads = try await AuditEntry.query(on: haven.db).filter(\.$action == "export.read").all().map(\.targetTable)
            #expect(
                reads.contains("incidents") && reads.contains("cases") && reads.contains("persons"),
                "each restricted incident, person and case opened")
        }
    }

    @Test("an export holds only what its user may read: another's restricted incident and cases stay out")
    func onlyWhatTheUserMayRead() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let dimaID = try await haven.addUser(email: "dima@example.org", role: .documenter, by: admin)
            let given = try await recordIncident(
                admin, incidentFields(title: "Given to Dima qx1", confidentiality: "restricted", victim: "Alpha One"))
            let kept = try await recordIncident(
                admin, incidentFields(title: "Kept from Dima qx2", confidentiality: "restricted", victim: "Beta Two"))
            #expect(try await admin.submit("/app/incidents/\(given)/access", ["colleague": dimaID.uuidString]).status == .seeOther)
            let caseCode = try await openCase(admin, name: "Caseperson Gamma")

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-export-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            let printed = try await haven.run(
                ExportCommand(), ["--email", "dima@example.org", "--format", "json", "--output", file.path], input: [goodPassword])
            #expect(printed.contains("Export written"))
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let tables = try #require(document["tables"] as? [String: Any])
            #expect(text.contains(given) && text.contains("Given to Dima qx1"))
            #expect(!text.contains("Kept from Dima qx2") && !text.contains(kept))
            #expect(tables["cases"] == nil && !text.contains(caseCode) && !text.contains("Caseperson Gamma"), "a documenter runs no cases")
            #expect(tables["incidents"] != nil && tables["persons"] != nil)
            await #expect(throws: (any Error).self) {
                _ = try await haven.run(
                    ExportCommand(), ["--email", "dima@example.org", "--output", file.path], input: ["wrong password 99"])
            }
        }
    }
}
