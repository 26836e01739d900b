import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Nothing personal in clear at rest")
struct EncryptionAtRestTests {
    /// Every file under the data directory (the SQLite file, its WAL, keys) as bytes.
    func everyFile(in directory: URL) throws -> [(String, Data)] {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { !$0.hasDirectoryPath }.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
    }

    @Test("staff e-mails, passwords, TOTP secrets and the recovery key never reach the data directory in clear")
    func markers() async throws {
        try await withHaven(file: true) { haven in
            let adminEmail = "marker-admin-7f3k@example.org"
            let adminPassword = "marker password 9q2w lantern"
            let setup = try await haven.setUp(email: adminEmail, password: adminPassword)
            let admin = try await haven.signedInBrowser(email: adminEmail, password: adminPassword)
            _ = try await haven.addUser(
                email: "marker-staff-x1z9@example.org", role: .caseworker, password: "marker staff secret 4", by: admin)
            let enrolment = try await admin.get("/app/account/second-factor")
            let secret = try #require(enrolment.firstMatch(#"<p class="secret"><code>([A-Z2-7 ]+)</code>"#)).replacingOccurrences(
                of: " ", with: "")

            let files = try everyFile(in: haven.dataDirectory)
            #expect(files.contains { $0.0 == "haven.sqlite" })
            #expect(files.contains { $0.0 == "haven.sqlite-wal" })
            let markers = [
                adminEmail, "marker-admin", adminPassword, "marker-staff", "marker staff secret", secret,
                setup.recoveryKey, setup.recoveryKey.replacingOccurrences(of: "-", with: ""),
            ]
            for (name, bytes) in files {
                for marker in markers {
                    #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) found in \(name)")
                    #expect(
                        bytes.range(of: Data(marker.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })) == nil,
                        "\(marker) (UTF-16) in \(name)")
                }
            }
        }
    }

    @Test(
        "a restricted incident (with its proceeding and a revision), a person's identity and an evidence file leave no marker in the SQLite file, its WAL or the data directory"
    )
    func documentationMarkers() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let marker = "zqmarker"
            let code = try await recordIncident(
                admin,
                incidentFields(
                    title: "\(marker)title", confidentiality: "restricted", victim: "\(marker)victim",
                    extra: [
                        ("description", "\(marker)description"), ("region", "\(marker)region"), ("city", "\(marker)city"),
                        ("placeDetail", "\(marker)place"),
                        ("acts[0][consequences]", "\(marker)consequences"), ("acts[0][perpetrator]", "\(marker)perpetrator"),
                        ("acts[0][date]", "1987-03-21"), ("sources[0][title]", "\(marker)source"),
                        ("sources[0][url]", "https://\(marker).example/news"),
                    ]))
            let page = try await admin.get("/app/incidents/\(code)")
            let person = try #require(page.firstMatch(#"/app/persons/(P-[0-9A-Z]{6})"#))
            let proceeding = try await admin.submit(
                "/app/incidents/\(code)/proceedings",
                [
                    "court": "\(marker)court", "caseNumber": "\(marker)case", "law": "\(marker)law", "article": "\(marker)article",
                    "decision": "\(marker)decision", "representative": "\(marker)lawyer", "penalty": "none",
                ])
            #expect(proceeding.status == .seeOther)
            let proceedingID = try #require(
                try await admin.get("/app/incidents/\(code)").firstMatch(#"/proceedings/([0-9A-F-]{36})/hearings"#))
            #expect(
                try await admin.submit(
                    "/app/incidents/\(code)/proceedings/\(proceedingID)/hearings", ["day": "2020-06-08", "outcome": "\(marker)outcome"]
                ).status == .seeOther)
            let edit = try await admin.get("/app/incidents/\(code)/edit")
            let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
            let edited = try await admin.submit(
                "/app/incidents/\(code)",
                pairs: incidentFields(
                    title: "\(marker)newtitle", confidentiality: "restricted", victim: person,
                    extra: [
                        ("description", "\(marker)description2"), ("acts[0][id]", actID),
                    ]))
            #expect(edited.status == .seeOther)
            #expect(try await IncidentRevision.query(on: haven.db).count() == 1)
            #expect(try await admin.get("/app/incidents/\(code)/revisions").body.contains("\(marker)title"))
            let saved = try await admin.submit(
                "/app/persons/\(person)",
                pairs: [
                    ("name", "\(marker)victim"), ("otherNames", "\(marker)alias"), ("contacts", "\(marker)@signal"),
                    ("dateOfBirth", "1987-03"),
                    ("notes", "\(marker)notes"), ("sexualOrientation", "gay"), ("genderIdentity", "trans_man"), ("intersexStatus", "no"),
                    ("vulnerabilities[]", "migrant"),
                ])
            #expect(saved.status == .seeOther)
            #expect(try await admin.get("/app/persons/\(person)").body.contains("\(marker)alias"))
            let uploaded = try await admin.submitMultipart(
                "/app/incidents/\(code)/evidence", [], files: [("file", "\(marker)file.txt", Data("\(marker)evidence content".utf8))])
            #expect(uploaded.status == .seeOther)
            #expect(try await admin.get("/app/incidents/\(code)").body.contains("\(marker)file.txt"))

            let files = try everyFile(in: haven.dataDirectory)
            #expect(files.contains { $0.0 == "haven.sqlite-wal" } && files.count >= 5)
            for (name, bytes) in files {
                #expect(bytes.range(of: Data(marker.utf8)) == nil, "marker found in \(name)")
                #expect(bytes.range(of: Data("1987-03".utf8)) == nil, "date of birth found in \(name)")
            }
        }
    }

    @Test("every SQLite connection runs with WAL, synchronous=NORMAL, foreign keys and secure_delete")
    func pragmas() async throws {
        try await withHaven(file: true) { haven in
            var connections = 0
            for eventLoop in haven.app.eventLoopGroup.makeIterator() {
                let sql = try #require(haven.app.databases.database(logger: haven.app.logger, on: eventLoop) as? any SQLDatabase)
                func pragma<T: Decodable>(_ name: String, _ type: T.Type) async throws -> T? {
                    try await sql.raw("PRAGMA \(unsafeRaw: name)").first()?.decode(column: name, as: T.self)
                }
                #expect(try await pragma("journal_mode", String.self) == "wal")
                #expect(try await pragma("synchronous", Int.self) == 1)
                #expect(try await pragma("secure_delete", Int.self) == 1)
                #expect(try await pragma("foreign_keys", Int.self) == 1)
                connections += 1
            }
            #expect(connections == System.coreCount)
        }
    }
}

@Suite("Search index at rest")
struct SearchIndexAtRestTests {
    @Test("text of an incident made restricted leaves the search index's bytes, not only its answers")
    func restrictedTextLeavesTheIndex() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin, incidentFields(title: "qzmarkerword appears here", victim: "Some Victim"))
            let edit = try await admin.get("/app/incidents/\(code)/edit")
            let victim = try #require(edit.firstMatch(#"name="acts\[0\]\[victim\]" value="(P-[0-9A-Z]{6})""#))
            let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
            let saved = try await admin.submit(
                "/app/incidents/\(code)",
                pairs: incidentFields(
                    title: "qzmarkerword appears here", confidentiality: "restricted", victim: victim, extra: [("acts[0][id]", actID)]))
            #expect(saved.status == .seeOther)
            _ = try await (haven.db as! any SQLDatabase).raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            let file = try Data(contentsOf: haven.dataDirectory.appendingPathComponent("haven.sqlite"))
            #expect(file.range(of: Data("qzmarkerword".utf8)) == nil)
        }
    }
}
