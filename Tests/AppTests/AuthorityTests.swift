import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

/// Authority follows the roles: a role change takes away what the new role may not hold, the role is asked on every
/// route besides the key copy, and records are given only to roles that may hold them.
@Suite("Authority follows the roles")
struct AuthorityTests {
    /// The kind of record a key copy is for.
    static func kind(of copy: KeyGrant) -> RecordKind? {
        RecordKind.allCases.first { $0.table == copy.recordTable && ($0.instanceRecordID == nil || $0.instanceRecordID == copy.recordID) }
    }

    /// A report, a case and a restricted incident, each sealed to the administrator.
    static func records(_ haven: TestHaven, admin: Browser) async throws -> [SealedRecord] {
        try await haven.submitReport(ReportSubmission(kind: .help, narrative: "Sealed report"))
        let report = try #require(try await Report.query(on: haven.db).first()).requireID()
        let caseCode = try await openCase(admin)
        let caseID = try #require(try await Case.find(on: haven.db, code: caseCode)).requireID()
        let incidentCode = try await recordIncident(admin, incidentFields(title: "Restricted", confidentiality: "restricted"))
        let incidentID = try #require(try await Incident.find(on: haven.db, code: incidentCode)).requireID()
        return [.report(report), .case(caseID), .incident(incidentID)]
    }

    @Test(
        "for every pair of roles, a change leaves exactly the key copies the new role may hold and sets who receives reports",
        arguments: TestDatabase.all)
    func everyRolePair(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let administrator = try await haven.staff()
            let services = haven.app.haven
            let records = try await Self.records(haven, admin: admin)
            for from in StaffRole.allCases {
                for to in StaffRole.allCases where to != from {
                    let userID = try await haven.addUser(email: "\(from.rawValue).\(to.rawValue)@example.org", role: from, by: admin)
                    let user = try #require(try await User.find(userID, on: haven.db))
                    #expect(user.receivesIntake == from.triagesIntake, "\(from) receives reports when invited only if it triages them")
                    for record in records {
                        let key = try #require(try await services.access.key(of: record, for: administrator, on: haven.db))
                        if record.kind.mayBeHeld(by: from) {
                            #expect(try await services.access.grant(key, of: record, to: user, on: haven.db))
                        } else {
                            await #expect(throws: RecordAccess.Refusal.roleMayNotHold, "\(from) may not be given a \(record.kind)") {
                                try await services.access.grant(key, of: record, to: user, on: haven.db)
                            }
                        }
                    }
                    _ = try await services.accounts.changeRole(of: userID, to: to, confirmed: true, by: administrator, on: haven.db)
                    let held = Set(try await KeyGrant.query(on: haven.db).filter(\.$holder.$id == userID).all().compactMap(Self.kind))
                    let expected = Set(
                        RecordKind.allCases.filter { kind in
                            kind.instanceRecordID == nil ? kind.mayBeHeld(by: from) && kind.mayBeHeld(by: to) : kind.mayBeHeld(by: to)
                        })
                    #expect(held == expected, "\(from) → \(to)")
                    #expect(try await User.find(userID, on: haven.db)?.receivesIntake == to.triagesIntake, "\(from) → \(to)")
                }
            }
            #expect(try await AuditLog.verify(on: haven.db) == nil)
        }
    }

    @Test("a coordinator made editor reads none of the reports they received and receives no new ones")
    func coordinatorBecomesEditor() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let ionID = try await haven.addUser(email: "ion@example.org", role: .coordinator, by: admin)
            try await haven.submitReport(ReportSubmission(kind: .violation, narrative: "Received before"))
            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            let before = try #require(try await Report.query(on: haven.db).first()).requireID()
            #expect(try await ion.get("/app/inbox/\(before)").status == .ok)
            #expect(try await admin.submit("/app/admin/users/\(ionID)/role", ["role": "editor", "confirmed": "yes"]).status == .seeOther)
            try await haven.submitReport(ReportSubmission(kind: .violation, narrative: "Received after"))
            for report in try await Report.query(on: haven.db).all() {
                #expect(try await ion.get("/app/inbox/\(report.requireID())").status == .forbidden)
            }
            #expect(
                try await KeyGrant.query(on: haven.db).filter(\.$recordTable == RecordKind.report.table).filter(\.$holder.$id == ionID)
                    .count() == 0)
        }
    }

    @Test("every inbox route needs an intake role and every case route a case role, even with a key copy (audited for a record)")
    func routesAskTheRole() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let fixtures = try await RouteFixtures.make(haven, admin: admin)
            let caseworkerID = try await haven.addUser(email: "case@example.org", role: .caseworker, by: admin)
            let editorID = try await haven.addUser(email: "editor@example.org", role: .editor, by: admin)
            let administrator = try await haven.staff()
            let reportID = try #require(UUID(uuidString: fixtures.reportID))
            let caseID = try #require(try await Case.find(on: haven.db, code: fixtures.caseCode)).requireID()
            // Copies as a database written before the rules would hold them: the key is there, the role is not.
            for (record, holder) in [(SealedRecord.report(reportID), caseworkerID), (.case(caseID), editorID)] {
                let key = try #require(try await haven.app.haven.access.key(of: record, for: administrator, on: haven.db))
                let user = try #require(try await User.find(holder, on: haven.db))
                try await KeyGrant.sealing(key, of: record, holder: holder, publicKey: user.publicKey).create(on: haven.db)
            }
            let caseworker = try await haven.signedInBrowser(email: "case@example.org")
            let editor = try await haven.signedInBrowser(email: "editor@example.org")
            var walked = 0
            for route in haven.app.routes.all {
                let path = RouteFixtures.path(route, known: fixtures.known, fallback: UUID().uuidString)
                let who: Browser
                if path.hasPrefix("/app/inbox") {
                    who = caseworker
                } else if path.hasPrefix("/app/cases") {
                    who = editor
                } else {
                    continue
                }
                let answer = route.method == .GET ? try await who.get(path) : try await who.submit(path, [:])
                #expect(answer.status == .forbidden, "\(route.method) \(path)")
                walked += 1
            }
            #expect(walked >= 15)
            #expect(
                try await AuditEntry.query(on: haven.db).filter(\.$action == "report.read.denied").filter(\.$targetID == fixtures.reportID)
                    .count() >= 4)
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.read.denied").count() >= 8)
        }
    }

    @Test("two sign-ins racing with one second-factor code: exactly one takes it", arguments: TestDatabase.all)
    func secondFactorStepOnce(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let adminID = try #require(try await User.query(on: haven.db).first()).requireID()
            let accounts = haven.app.haven.accounts
            for step in Int64(1_000)...Int64(1_020) {
                let taken = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<4 { group.addTask { try await accounts.takeStep(step, of: adminID, on: haven.db) } }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(taken == 1, "step \(step)")
            }
            #expect(try await accounts.takeStep(1_010, of: adminID, on: haven.db) == false, "an earlier step never passes again")
        }
    }
}
