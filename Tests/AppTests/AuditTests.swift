import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Audit log")
struct AuditTests {
    @Test("`haven audit verify` says OK for an untouched chain and names the first altered or missing entry", arguments: TestDatabase.all)
    func verify(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            for _ in 0..<3 { _ = try await haven.signedInBrowser() }
            let ok = try await haven.run(AuditVerifyCommand(), [])
            #expect(ok.contains("audit chain OK: 4 entries"))

            let sql = haven.db as! any SQLDatabase
            try await sql.raw("UPDATE audit_entries SET actor = 'someone-else' WHERE sequence = 3").run()
            await #expect(throws: CommandFailure("audit chain BROKEN: entry 3 was altered (its hash does not match its fields)")) {
                _ = try await haven.run(AuditVerifyCommand(), [])
            }
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = 3").run()
            await #expect(throws: CommandFailure("audit chain BROKEN: an entry after 2 is missing (sequence numbers skip)")) {
                _ = try await haven.run(AuditVerifyCommand(), [])
            }
        }
    }

    @Test("concurrent sign-ins still make one unbroken chain")
    func concurrent() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await haven.signedInBrowser() } }
                try await group.waitForAll()
            }
            #expect(try await AuditEntry.query(on: haven.db).count() == 9)
            #expect(try await AuditLog.verify(on: haven.db) == nil)
        }
    }
}

extension CommandFailure: Equatable {
    public static func == (lhs: CommandFailure, rhs: CommandFailure) -> Bool { lhs.description == rhs.description }
}
