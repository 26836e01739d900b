import Crypto
import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Incident protection")
struct IncidentProtectionTests {
    @Test(
        "a restricted incident is readable only with a key copy; others see country, dates and types; giving and removing access works",
        arguments: TestDatabase.all)
    func restricted(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "dana@example.org", role: .documenter, by: admin)
            _ = try await haven.addUser(email: "dima@example.org", role: .documenter, by: admin)
            let dana = try await haven.signedInBrowser(email: "dana@example.org")
            let dima = try await haven.signedInBrowser(email: "dima@example.org")
            let code = try await recordIncident(
                dana, incidentFields(title: "Sealed title qx7", confidentiality: "restricted", victim: "Sealed Victim"))
            let own = try await dana.get("/app/incidents/\(code)")
            #expect(own.status == .ok && own.body.contains("Sealed title qx7") && own.body.contains("Sealed Victim"))

            let stub = try await dima.get("/app/incidents/\(code)")
            #expect(stub.status == .forbidden)
            #expect(stub.body.contains("Russia") && stub.body.contains("2020-06") && stub.body.contains("Administrative"))
            for secret in ["Sealed title", "Sealed Victim", "Courtroom", "Court ruling reported", "Хабаровска"] {
                #expect(!stub.body.contains(secret))
            }
            #expect(try await dima.get("/app/incidents/\(code)/edit").status == .forbidden)
            #expect(try await dima.get("/app/incidents/\(code)/revisions").status == .forbidden)
            #expect(try await dima.submit("/app/incidents/\(code)", pairs: incidentFields()).status == .forbidden)
            let dimaID = try #require(
                try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("dima@example.org"))?.requireID())
            #expect(try await dima.submit("/app/incidents/\(code)/access", ["colleague": dimaID.uuidString]).status == .forbidden)
            let list = try await dima.get("/app/incidents")
            #expect(list.body.contains(code) && !list.body.contains("Sealed title"))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "incident.read.denied").count() >= 4)

            let page = try await dana.get("/app/incidents/\(code)")
            #expect(page.body.contains("value=\"\(dimaID.uuidString)\""), "the form offers colleagues who read documentation")
            // No e-mail address can be tried: an unknown colleague and an address answer alike, and nothing is given.
            let unknown = try await dana.submit("/app/incidents/\(code)/access", ["colleague": UUID().uuidString])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("grantee-error"))
            let byAddress = try await dana.submit("/app/incidents/\(code)/access", ["email": "dima@example.org"])
            #expect(byAddress.status == .unprocessableEntity && byAddress.body.contains("grantee-error"))
            #expect(
                try await dana.submit("/app/incidents/\(code)/access", ["colleague": dimaID.uuidString], csrf: .some(nil)).status
                    == .forbidden)
            #expect(try await dima.get("/app/incidents/\(code)").status == .forbidden)
            #expect(try await dana.submit("/app/incidents/\(code)/access", ["colleague": dimaID.uuidString]).status == .seeOther)
            let granted = try await dima.get("/app/incidents/\(code)")
            #expect(granted.status == .ok && granted.body.contains("Sealed title qx7"))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "incident.read.restricted").count() >= 2)

            #expect(try await dana.submit("/app/incidents/\(code)/access/revoke", ["holder": dimaID.uuidString]).status == .seeOther)
            #expect(try await dima.get("/app/incidents/\(code)").status == .forbidden)
            let danaID = try #require(
                try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("dana@example.org"))?.requireID())
            _ = try await dana.submit("/app/incidents/\(code)/access/revoke", ["holder": danaID.uuidString])
            #expect(try await dana.get("/app/incidents/\(code)").body.contains("Sealed title qx7"))
        }
    }

    @Test("making an internal incident restricted seals its narrative, acts, sources and earlier revisions and drops it from the index")
    func becomingRestricted() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let edit = try await admin.get("/app/incidents/\(code)/edit")
            let victim = try #require(edit.firstMatch(#"name="acts\[0\]\[victim\]" value="(P-[0-9A-Z]{6})""#))
            let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
            _ = try await admin.submit(
                "/app/incidents/\(code)", pairs: incidentFields(title: "Renamed once", victim: victim, extra: [("acts[0][id]", actID)]))
            let sealed = try await admin.submit(
                "/app/incidents/\(code)",
                pairs: incidentFields(
                    title: "Renamed twice", confidentiality: "restricted", victim: victim, extra: [("acts[0][id]", actID)]))
            #expect(sealed.status == .seeOther)
            let record = try #require(try await Incident.find(on: haven.db, code: code))
            #expect(record.title.isEmpty && StoredJSON.isSealed(record.body))
            #expect(try await Act.query(on: haven.db).all().allSatisfy { StoredJSON.isSealed($0.details) && $0.$victim.id == nil })
            #expect(try await IncidentSource.query(on: haven.db).all().allSatisfy { StoredJSON.isSealed($0.details) })
            #expect(try await IncidentRevision.query(on: haven.db).all().allSatisfy { StoredJSON.isSealed($0.previous) })
            #expect(try await IncidentRevision.query(on: haven.db).count() == 2)
            #expect(!(try await admin.get("/app/incidents?q=renamed")).body.contains(code))
            let revisions = try await admin.get("/app/incidents/\(code)/revisions")
            #expect(revisions.body.contains("Activist fined") && revisions.body.contains("Renamed once"))
        }
    }

    @Test("the public site shows public incidents without persons, exact places, testimonies or anything internal")
    func publicProjection() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let publicCode = try await recordIncident(
                admin,
                incidentFields(
                    title: "Public march attacked", confidentiality: "public", victim: "Named Person Zq",
                    extra: [
                        ("acts[0][perpetrator]", "Perp Name Zq"), ("sources[1][kind]", "testimony"),
                        ("sources[1][title]", "Testimony of Named Person Zq"),
                        ("sources[1][reliability]", "reliable"),
                    ]))
            let internalCode = try await recordIncident(admin, incidentFields(title: "Internal only zz", victim: "Olga Rusu"))
            let visitor = haven.browser()
            let list = try await visitor.get("/incidents")
            #expect(list.status == .ok && list.body.contains("/incidents/\(publicCode)") && !list.body.contains(internalCode))
            #expect(!list.body.contains("Public march attacked"), "titles are written for staff: the list shows structured titles")
            #expect(list.body.contains("Leave this site") || list.body.contains("quick-exit"))
            let page = try await visitor.get("/incidents/\(publicCode)")
            #expect(
                page.status == .ok && page.body.contains("Russia") && page.body.contains("Хабаровск")
                    && page.body.contains("Court ruling reported"))
            for hidden in [
                "Public march attacked", "Хабаровска imposed", "Named Person", "Perp Name", "Courtroom 4", "Testimony of", "P-", "/app/",
            ] {
                #expect(!page.body.contains(hidden), "\(hidden)")
            }
            #expect(try await visitor.get("/incidents/\(internalCode)").status == .notFound)
            #expect(try await visitor.get("/incidents/I-000000").status == .notFound)
            #expect(try await visitor.get("/app/incidents/\(publicCode)").status != .ok)
            #expect(!(try await visitor.get("/incidents?q=internal")).body.contains(internalCode))
        }
    }

    @Test("evidence is sealed with a custody log, streams back intact, is refused without the key and fails when altered")
    func evidence() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "dima@example.org", role: .documenter, by: admin)
            let code = try await recordIncident(admin, incidentFields(confidentiality: "restricted"))
            let file = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let uploaded = try await admin.submitMultipart(
                "/app/incidents/\(code)/evidence", [("source", "")], files: [("file", "ruling scan.pdf", file)])
            #expect(uploaded.status == .seeOther)
            let page = try await admin.get("/app/incidents/\(code)")
            let evidenceID = try #require(page.firstMatch(#"/evidence/([0-9A-F-]{36})""#))
            let digest = SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined()
            #expect(page.body.contains(digest) && page.body.contains("ruling scan.pdf"))
            let download = try await admin.get("/app/incidents/\(code)/evidence/\(evidenceID)")
            #expect(download.status == .ok && download.bytes == file)
            #expect(download.headers.first(name: .contentDisposition)?.contains("rulingscan.pdf") == true)
            #expect(try await admin.get("/app/incidents/\(code)/evidence/\(evidenceID)/view").status == .unsupportedMediaType)
            let custody = try await EvidenceCustody.query(on: haven.db).all().map(\.action)
            #expect(custody == [.uploaded, .downloaded])
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 100)
            _ = try await admin.submitMultipart("/app/incidents/\(code)/evidence", [], files: [("file", "photo.bin", png)])
            let withImage = try await admin.get("/app/incidents/\(code)")
            let imageID = try #require(withImage.firstMatch(#"/evidence/([0-9A-F-]{36})/view""#))
            let viewed = try await admin.get("/app/incidents/\(code)/evidence/\(imageID)/view")
            #expect(viewed.status == .ok && viewed.bytes == png && viewed.headers.contentType == .png)
            #expect(viewed.headers.first(name: .contentDisposition)?.hasPrefix("inline") == true)
            #expect(viewed.headers.first(name: "Content-Security-Policy")?.contains("script-src 'none'") == true)
            #expect(try await EvidenceCustody.query(on: haven.db).filter(\.$action == .viewed).count() == 1)

            let dima = try await haven.signedInBrowser(email: "dima@example.org")
            #expect(try await dima.get("/app/incidents/\(code)/evidence/\(evidenceID)").status == .forbidden)
            #expect(
                try await dima.submitMultipart("/app/incidents/\(code)/evidence", [], files: [("file", "x.txt", Data("x".utf8))]).status
                    == .forbidden)
            #expect(
                try await admin.submitMultipart(
                    "/app/incidents/\(code)/evidence", [], files: [("file", "x.txt", Data("x".utf8))], csrf: .some(nil)
                ).status == .forbidden)
            #expect(try await Evidence.query(on: haven.db).count() == 2)

            let stored = try #require(try await Evidence.find(UUID(uuidString: evidenceID), on: haven.db))
            let url = SealedFiles(dataDirectory: haven.dataDirectory).location(stored.storedName)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count - 40] ^= 0x01
            try bytes.write(to: url)
            let custodyLines = try await EvidenceCustody.query(on: haven.db).count()
            let tampered = try await admin.get("/app/incidents/\(code)/evidence/\(evidenceID)")
            #expect(
                tampered.status == .conflict
                    && tampered.body.contains(Markup.escape(haven.app.haven.localization.string("evidence_altered", .en))))
            #expect(try await EvidenceCustody.query(on: haven.db).count() == custodyLines, "no custody line for a refused download")
            #expect(try await AuditEntry.query(on: haven.db).all().contains { $0.action == "evidence.altered" })
        }
    }

    @Test(
        "administrators relabel, add and retire terms; codes stay, retired terms stay on old records; others cannot",
        arguments: TestDatabase.all)
    func vocabularies(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            #expect(
                try await admin.submit(
                    "/app/admin/vocabularies/incident-types", ["code": "V4.1", "en": "Propaganda case (relabelled)", "ru": "", "ro": ""]
                ).status == .seeOther)
            #expect(try await admin.get("/app/incidents/\(code)").body.contains("Propaganda case (relabelled)"))
            _ = try await admin.submit(
                "/app/admin/vocabularies/incident-types", ["parent": "V1", "en": "Acid attack", "ru": "Нападение с кислотой", "ro": ""])
            let form = try await admin.get("/app/incidents/new")
            #expect(form.body.contains("value=\"V1.9\"") && form.body.contains("Acid attack"))
            let acid = try await recordIncident(admin, incidentFields(title: "Acid attack", victim: "Olena Shevchuk", types: ["V1.9"]))
            let families = try await IncidentQuery.run(
                {
                    var filter = IncidentFilter()
                    filter.type = "V1"
                    return filter
                }(), on: haven.db)
            #expect(families.rows.map(\.code) == [acid])
            _ = try await admin.submit("/app/admin/vocabularies/incident-types", ["code": "V4", "en": "Prosecution", "retired": "yes"])
            #expect(!(try await admin.get("/app/incidents/new")).body.contains("id=\"type-V4\""))
            #expect(try await admin.get("/app/incidents/\(code)/edit").body.contains("id=\"type-V4\""))
            #expect(try await admin.get("/app/incidents/\(code)").body.contains("Prosecution"))
            let missing = try await admin.submit("/app/admin/vocabularies/place-types", ["code": "court", "en": ""])
            #expect(missing.status == .unprocessableEntity)
            #expect(
                try await admin.submit("/app/admin/vocabularies/place-types", ["code": "nonexistent", "en": "x"]).status == .badRequest)

            _ = try await haven.addUser(email: "dana@example.org", role: .documenter, by: admin)
            let dana = try await haven.signedInBrowser(email: "dana@example.org")
            #expect(try await dana.get("/app/admin/vocabularies").status == .forbidden)
            #expect(try await dana.submit("/app/admin/vocabularies/incident-types", ["code": "V4.1", "en": "x"]).status == .forbidden)
            #expect(try await VocabularyEditRecord.query(on: haven.db).count() == 3)
        }
    }
}

@Suite("Legal proceedings")
struct ProceedingTests {
    @Test(
        "a proceeding with charge, stage, penalty and hearings; problems keep the form; upcoming hearings are listed; restricted ones are sealed",
        arguments: TestDatabase.all)
    func proceedings(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let wrong = try await admin.submit(
                "/app/incidents/\(code)/proceedings",
                [
                    "court": "Central District Court", "law": "Code of Administrative Offences", "article": "6.21",
                    "stage": "first_instance",
                    "penalty": "fine", "fineAmount": "50000", "fineCurrency": "roubles", "appealDeadline": "2020-06-31",
                    "legalAidRefused": "yes",
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(
                wrong.body.contains("value=\"roubles\"") && wrong.body.contains("value=\"Central District Court\"")
                    && wrong.body.contains("three-letter"))
            #expect(try await Proceeding.query(on: haven.db).count() == 0)
            let added = try await admin.submit(
                "/app/incidents/\(code)/proceedings",
                [
                    "court": "Central District Court", "caseNumber": "5-123/2020", "law": "Code of Administrative Offences",
                    "article": "6.21",
                    "stage": "appeal", "penalty": "fine", "fineAmount": "50 000", "fineCurrency": "rub", "appealDeadline": "2020-06-18",
                    "legalAidRefused": "yes",
                ])
            #expect(added.status == .seeOther)
            let page = try await admin.get("/app/incidents/\(code)")
            for text in [
                "5-123/2020", "Code of Administrative Offences, 6.21", "Appeal", "50000.00 RUB", "refused legal aid", "2020-06-18",
            ] {
                #expect(page.body.contains(text), "\(text)")
            }
            let proceedingID = try #require(page.firstMatch(#"/proceedings/([0-9A-F-]{36})/hearings"#))
            let future = Day.today(Date().addingTimeInterval(10 * 86_400))
            #expect(
                try await admin.submit("/app/incidents/\(code)/proceedings/\(proceedingID)/hearings", ["day": "soon"]).status
                    == .unprocessableEntity)
            #expect(
                try await admin.submit(
                    "/app/incidents/\(code)/proceedings/\(proceedingID)/hearings", ["day": "2020-06-08", "outcome": "adjourned"]
                ).status == .seeOther)
            #expect(
                try await admin.submit("/app/incidents/\(code)/proceedings/\(proceedingID)/hearings", ["day": future]).status == .seeOther)
            let hearings = try await admin.get("/app/hearings")
            #expect(hearings.body.contains(future) && hearings.body.contains(code) && !hearings.body.contains("2020-06-08"))
            #expect(try await admin.get("/app/incidents/\(code)").body.contains("2020-06-08 — adjourned"))
            #expect(try await admin.submit("/app/incidents/\(code)/proceedings/\(UUID())/hearings", ["day": future]).status == .notFound)

            let secret = try await recordIncident(
                admin, incidentFields(title: "Sealed case", confidentiality: "restricted", victim: "Someone Else"))
            #expect(
                try await admin.submit(
                    "/app/incidents/\(secret)/proceedings", ["court": "Secret court zq", "penalty": "detention", "detentionDays": "15"]
                ).status == .seeOther)
            let sealed = try #require(try await Proceeding.query(on: haven.db).filter(\.$id != UUID(uuidString: proceedingID)!).first())
            #expect(StoredJSON.isSealed(sealed.details))
            #expect(try await admin.get("/app/incidents/\(secret)").body.contains("Detention: 15 days"))
            _ = try await haven.addUser(email: "dima@example.org", role: .documenter, by: admin)
            let dima = try await haven.signedInBrowser(email: "dima@example.org")
            #expect(try await dima.submit("/app/incidents/\(secret)/proceedings", ["court": "x"]).status == .forbidden)
        }
    }
}
