import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Testing
import Vapor

@testable import App

/// Backups taken from a running Haven, checked, and restored into an empty place on either engine.
@Suite("Backups and restore")
struct BackupTests {
    /// Where a backup goes and where it is restored: SQLite ↔ SQLite always, both directions with PostgreSQL when set.
    static var directions: [BackupDirection] {
        var directions = [BackupDirection(source: .sqlite, target: .sqlite)]
        if let url = TestDatabase.postgresURL {
            directions += [.init(source: .sqlite, target: .postgres(url)), .init(source: .postgres(url), target: .sqlite)]
        }
        return directions
    }

    /// What a filled instance holds that must come back after a restore.
    struct Filled {
        let recoveryKey: String
        let totpSecret: Data
        let totpStep: Int64
        let receipt: String
        let restrictedCode: String
        let internalCode: String
        let evidence: Data
        let evidenceID: String
        let caseCode: String
        let slug: String
    }

    /// An instance with one of everything: users with a second factor, a restricted incident given to a colleague, with
    /// persons and an evidence file; an internal incident; a case with a note and a service; a report with a file and a
    /// reply; a publication with a translation; a vocabulary edit; and the audit entries all of that wrote.
    static func fill(_ haven: TestHaven) async throws -> Filled {
        let (_, _, recoveryKey) = try await haven.setUp()
        let admin = try await haven.signedInBrowser()
        let dimaID = try await haven.addUser(email: "dima@example.org", role: .documenter, by: admin)
        let restricted = try await recordIncident(
            admin, incidentFields(title: "Restricted title qx7", confidentiality: "restricted", victim: "Hidden Victim Name"))
        #expect(try await admin.submit("/app/incidents/\(restricted)/access", ["colleague": dimaID.uuidString]).status == .seeOther)
        let evidence = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        _ = try await admin.submitMultipart("/app/incidents/\(restricted)/evidence", [], files: [("file", "scan.pdf", evidence)])
        let page = try await admin.get("/app/incidents/\(restricted)")
        let evidenceID = try #require(page.firstMatch(#"/evidence/([0-9A-F-]{36})""#))
        let internalCode = try await recordIncident(admin, incidentFields(title: "Pride march in Chișinău banned", victim: "Open Person"))
        let caseCode = try await openCase(admin)
        #expect(
            try await admin.submit(
                "/app/cases/\(caseCode)/services", ["need": "shelter", "provider": "Shelter Provider", "status": "planned"]
            )
            .status == .seeOther)
        let (receipt, _) = try await sendReport(
            haven, narrative: "They took my phone at the station.", files: [("attachments[]", "photo.txt", Data("attached words".utf8))])
        let inbox = try await admin.get("/app/inbox")
        let reportID = try #require(inbox.firstMatch(#"href="/app/inbox/([0-9A-F-]{36})""#))
        #expect(try await admin.submit("/app/inbox/\(reportID)/reply", ["message": "A lawyer will write to you."]).status == .seeOther)
        let slug = try await writePublication(
            admin,
            publicationFields(extra: [
                ("title[ru]", "Заявление о голосовании"), ("summary[ru]", "Наша позиция."), ("body[ru]", "Мы не можем."),
            ]))
        _ = try await admin.submit("/app/admin/vocabularies/place-types", ["code": "court", "en": "Courthouse"])
        // The administrator enrols a second factor last (the browser above stays signed in).
        let enrolment = try await admin.get("/app/account/second-factor")
        let shown = try #require(enrolment.firstMatch(#"<p class="secret"><code>([A-Z2-7 ]+)</code>"#)).replacingOccurrences(
            of: " ", with: "")
        let secret = try #require(SecondFactorTests().decodeRFC4648(shown))
        let step = TOTP.step(at: Date())
        #expect(try await admin.submit("/app/account/second-factor", ["code": TOTP.code(secret: secret, step: step)]).status == .seeOther)
        return Filled(
            recoveryKey: recoveryKey, totpSecret: secret, totpStep: step, receipt: receipt, restrictedCode: restricted,
            internalCode: internalCode,
            evidence: evidence, evidenceID: evidenceID, caseCode: caseCode, slug: slug)
    }

    static func backup(_ haven: TestHaven) async throws -> (URL, Backups.Written) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-backup-\(UUID().uuidString).age")
        let written = try await haven.app.haven.backups.write(to: file, eventLoop: haven.app.eventLoopGroup.any())
        return (file, written)
    }

    @Test("backup, restore into an empty place, backup again: the same rows and digests, and everything works", arguments: directions)
    func roundTrip(direction: BackupDirection) async throws {
        let target = TestPlace.make(direction.target)
        defer { Task { await target.remove() } }
        var filled: Filled?
        var first: (URL, Backups.Written)?
        try await withHaven(direction.source, file: true) { haven in
            filled = try await Self.fill(haven)
            first = try await Self.backup(haven)
        }
        let (file, written) = try #require(first)
        let state = try #require(filled)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(written.manifest.engine == (direction.source.isPostgres ? "postgresql" : "sqlite"))
        let counts = Dictionary(uniqueKeysWithValues: written.manifest.tables.map { ($0.name, $0.rows) })
        for table in [
            "users", "key_grants", "audit_entries", "incidents", "persons", "evidence", "cases", "case_notes", "case_services",
            "reports", "report_messages", "report_attachments", "publications", "vocabulary_edits", "incident_facets",
        ] {
            #expect(counts[table, default: 0] > 0, "\(table) is in the backup")
        }
        #expect(written.manifest.parts.filter { $0.path.hasPrefix("files/") }.count == 2, "the evidence file and the report's file")
        #expect(
            written.manifest.parts.contains { $0.path == "keys/lookup.key" }
                && written.manifest.parts.contains { $0.path == "keys/receipt.key" })
        let recovery = try RecoveryKey.parse(state.recoveryKey)
        #expect(try Backups.verify(file, identity: recovery) == written.manifest)

        try await target.createSchema()
        let summary = try await BackupRestore(configuration: target.configuration, logger: Logger(label: "test")).run(
            from: file, identity: recovery)
        #expect(summary.rows == written.manifest.tables.reduce(0) { $0 + $1.rows } && summary.files == 2)

        try await serveHaven(target.configuration) { restored in
            let (again, rewritten) = try await Self.backup(restored)
            try? FileManager.default.removeItem(at: again)
            #expect(rewritten.manifest.holdsSameData(as: written.manifest), "row counts and every part's digest are equal")
            #expect(try await AuditLog.verify(on: restored.db) == nil)

            // Staff sign in with their old passwords; the administrator also with the old second factor.
            let dima = try await restored.signedInBrowser(email: "dima@example.org")
            let incident = try await dima.get("/app/incidents/\(state.restrictedCode)")
            #expect(
                incident.status == .ok && incident.body.contains("Restricted title qx7") && incident.body.contains("Hidden Victim Name"))
            let download = try await dima.get("/app/incidents/\(state.restrictedCode)/evidence/\(state.evidenceID)")
            #expect(download.status == .ok && download.bytes == state.evidence)
            let withoutCode = restored.browser()
            #expect(
                try await withoutCode.submit("/login", ["email": "admin@example.org", "password": goodPassword]).status == .unauthorized)
            let code = TOTP.code(secret: state.totpSecret, step: state.totpStep + 1)
            let admin = try await restored.signedInBrowser(code: code)
            let caseView = try await admin.get("/app/cases/\(state.caseCode)")
            #expect(caseView.status == .ok && caseView.body.contains("Arman") && caseView.body.contains("Shelter Provider"))
            #expect(try await admin.get("/app/incidents?q=Chisinau").body.contains(state.internalCode), "the search index was rebuilt")
            #expect(try await restored.browser().get("/p/\(state.slug)/ru").body.contains("Заявление о голосовании"))

            // The reporter's receipt opens the thread with the staff reply.
            let visitor = restored.browser()
            _ = try await visitor.get("/report/follow-up")
            let thread = try await visitor.submitMultipart("/report/follow-up", [("code", state.receipt)])
            #expect(thread.status == .ok && thread.body.contains("A lawyer will write to you."))
            // A new incident gets the next number, not one already taken.
            #expect(
                try await recordIncident(admin, incidentFields(title: "After the restore", victim: "Zora Kettle")) != state.internalCode)
        }
    }

    @Test("a flipped byte, a cut file, a wrong or another organisation's key are refused naming the part; nothing is written")
    func damageAndWrongKeys() async throws {
        let target = TestPlace.make(.sqlite)
        defer { Task { await target.remove() } }
        try await withHaven(file: true) { haven in
            let state = try await Self.fill(haven)
            let (file, _) = try await Self.backup(haven)
            defer { try? FileManager.default.removeItem(at: file) }
            let recovery = try RecoveryKey.parse(state.recoveryKey)
            let data = try Data(contentsOf: file)

            // The evidence file is the first file part; a byte in the middle of the archive falls in a table or a file part.
            for position in [data.count / 2, data.count - 30, 200] {
                var changed = data
                changed[position] ^= 0x04
                let damaged = file.deletingLastPathComponent().appendingPathComponent("damaged-\(UUID().uuidString).age")
                try changed.write(to: damaged)
                defer { try? FileManager.default.removeItem(at: damaged) }
                #expect {
                    try Backups.verify(damaged, identity: recovery)
                } throws: { error in
                    switch error as? BackupError {
                    case .damaged(let part, _)?: return !part.isEmpty
                    case .unreadable?: return position == 200
                    default: return false
                    }
                }
                await #expect(throws: BackupError.self) {
                    _ = try await BackupRestore(configuration: target.configuration, logger: Logger(label: "test")).run(
                        from: damaged, identity: recovery)
                }
                #expect(
                    !FileManager.default.fileExists(atPath: target.directory.appendingPathComponent("keys").path), "nothing was written")
                #expect(!FileManager.default.fileExists(atPath: target.directory.appendingPathComponent("files").path))
            }
            let cut = file.deletingLastPathComponent().appendingPathComponent("cut-\(UUID().uuidString).age")
            try data.prefix(data.count - 70_000).write(to: cut)
            defer { try? FileManager.default.removeItem(at: cut) }
            #expect(throws: BackupError.self) { try Backups.verify(cut, identity: recovery) }

            let otherOrganisation = Curve25519.KeyAgreement.PrivateKey()
            #expect(throws: BackupError.unreadable(AgeError.noMatchingRecipient.description)) {
                try Backups.verify(file, identity: otherOrganisation)
            }
            #expect(throws: (any Error).self) {
                try StandaloneCommands.identity(from: "H1M6-QMWE-JN0Z-1G1N-G7JE-V1JP-H3DG-3E3D-A71X-3WYG-22A6-P2S9-SHA0-MFTX")
            }

            // A target that is not empty is refused before anything is written: here, the instance the backup came from.
            let before = try await Incident.query(on: haven.db).count()
            await #expect {
                _ = try await BackupRestore(configuration: haven.app.haven.configuration, logger: Logger(label: "test")).run(
                    from: file, identity: recovery)
            } throws: { error in
                (error as? BackupFailure)?.description.contains("not empty") == true
            }
            #expect(try await Incident.query(on: haven.db).count() == before)
        }
    }

    @Test("every table is in the backup's list but the search indexes and Fluent's own", arguments: TestDatabase.all)
    func everyTableIsBackedUp(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            let tables = try await DatabaseSnapshot.tableNames(on: haven.db as! any SQLDatabase).filter { !BackupTables.isLeftOut($0) }
            #expect(Set(tables) == Set(BackupTables.all.map(\.name)))
        }
    }

    @Test(
        "the reference age tool decrypts a backup with the identity haven recovery-key age-identity prints",
        .enabled(if: ageTool != nil || ProcessInfo.processInfo.environment["HAVEN_TEST_REQUIRE_AGE"] == "1"))
    func referenceAgeDecrypts() async throws {
        let age = try #require(Self.ageTool, "the age tool is required (HAVEN_TEST_REQUIRE_AGE=1) but not installed")
        try await withHaven(file: true) { haven in
            let state = try await Self.fill(haven)
            let (file, written) = try await Self.backup(haven)
            defer { try? FileManager.default.removeItem(at: file) }
            let identityText = AgeKeys.identity(try StandaloneCommands.identity(from: state.recoveryKey))
            #expect(identityText.hasPrefix("AGE-SECRET-KEY-1"))
            let identityFile = file.appendingPathExtension("key")
            try Data((identityText + "\n").utf8).write(to: identityFile)
            defer { try? FileManager.default.removeItem(at: identityFile) }
            let tarFile = file.appendingPathExtension("tar")
            defer { try? FileManager.default.removeItem(at: tarFile) }
            #expect(try Self.run(age, ["-d", "-i", identityFile.path, "-o", tarFile.path, file.path]).status == 0)
            let listing = try Self.run("/usr/bin/env", ["tar", "-tf", tarFile.path])
            #expect(listing.status == 0)
            #expect(
                Set(listing.output.split(separator: "\n").map(String.init)) == Set(written.manifest.parts.map(\.path) + ["manifest.json"]))
            let wrongIdentity = file.appendingPathExtension("wrong")
            try Data((AgeKeys.identity(Curve25519.KeyAgreement.PrivateKey()) + "\n").utf8).write(to: wrongIdentity)
            defer { try? FileManager.default.removeItem(at: wrongIdentity) }
            #expect(try Self.run(age, ["-d", "-i", wrongIdentity.path, "-o", "/dev/null", file.path]).status != 0)
        }
    }

    static let ageTool: String? = ["/usr/bin/age", "/usr/local/bin/age"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

/// A backup's source and restore target.
struct BackupDirection: Sendable, CustomTestStringConvertible {
    let source: TestDatabase
    let target: TestDatabase

    var testDescription: String { "\(source.testDescription) → \(target.testDescription)" }
}

extension TestDatabase {
    var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }
}
