import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("The audit log page")
struct AuditPageTests {
    @Test("administrators read who did what to which record, filter by user, action and record, page through, and see the chain's state")
    func readFilterAndChain() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await admin.submit("/app/account/name", ["displayName": "Ana Administrator"])
            _ = try await haven.addUser(email: "case@example.org", role: .caseworker, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "case@example.org")
            let code = try await openCase(caseworker)
            for index in 0..<55 { _ = try await admin.submit("/app/cases", ["pseudonym": "P\(index)", "risk": "low"]) }

            let page = try await admin.get("/app/admin/audit")
            #expect(page.status == .ok && page.body.contains("The chain of entries is whole"))
            #expect(page.body.contains("Ana Administrator") && page.body.contains("<code>case.create</code>"))
            #expect(page.body.contains("rel=\"next\"") && page.body.contains("Page 1 / 2"))
            let caseworkerID = try #require(try await User.query(on: haven.db).all().first { $0.role == .caseworker }?.requireID())
            let byCaseworker = try await admin.get("/app/admin/audit?actor=\(caseworkerID.uuidString)")
            #expect(byCaseworker.body.contains("<code>case.create</code>") && !byCaseworker.body.contains("Ana Administrator</a>"))
            #expect(!byCaseworker.body.contains("<code>user.invite</code>"))
            let caseID = try #require(try await Case.query(on: haven.db).filter(\.$code == code).first()).requireID().uuidString
            let byRecord = try await admin.get("/app/admin/audit?record=\(caseID)")
            #expect(byRecord.body.contains("In total 1 "))
            let byArea = try await admin.get("/app/admin/audit?action=case")
            #expect(byArea.body.contains("In total 56 "))

            let entry = try #require(try await AuditEntry.query(on: haven.db).sort(\.$id).first())
            entry.action = "tampered"
            try await entry.save(on: haven.db)
            #expect(try await admin.get("/app/admin/audit").body.contains("The chain of entries is broken: entry 1 was altered"))
        }
    }

    @Test("the audit log is for administrators only")
    func administratorsOnly() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "coord@example.org", role: .coordinator, by: admin)
            let coordinator = try await haven.signedInBrowser(email: "coord@example.org")
            #expect(try await coordinator.get("/app/admin/audit").status == .forbidden)
            #expect(try await haven.browser().get("/app/admin/audit").location == "/login")
        }
    }
}
