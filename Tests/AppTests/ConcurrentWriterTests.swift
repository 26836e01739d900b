import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Two Haven processes on one PostgreSQL database: they start at once, and they write at once.
@Suite("Two writers on one database")
struct ConcurrentWriterTests {
    @Test(
        "two Havens starting at once on an empty database both start: one migrates, the other waits",
        .enabled(if: TestDatabase.postgresURL != nil))
    func simultaneousStarts() async throws {
        let url = try #require(TestDatabase.postgresURL)
        let place = TestPlace.make(.postgres(url))
        try await place.createSchema()
        defer { Task { await place.remove() } }
        let configuration = place.configuration
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await serveHaven(configuration) { haven in
                        let health = try await haven.browser().get("/health")
                        #expect(health.status == .ok)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test(
        "incidents and publications written at once through two Havens get distinct numbers, and the audit chain stays whole",
        .enabled(if: TestDatabase.postgresURL != nil))
    func simultaneousWriters() async throws {
        let url = try #require(TestDatabase.postgresURL)
        try await withHaven(.postgres(url)) { first in
            try await first.setUp()
            try await serveHaven(first.app.haven.configuration) { second in
                let browsers = [try await first.signedInBrowser(), try await second.signedInBrowser()]
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, browser) in browsers.enumerated() {
                        group.addTask {
                            for number in 0..<6 {
                                _ = try await recordIncident(
                                    browser, incidentFields(title: "Writer \(index) incident \(number)", victim: "Zu\(index)k\(number)"))
                                _ = try await writePublication(
                                    browser, publicationFields(title: "Writer \(index) text \(number)"), publish: false)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let incidents = try await Incident.query(on: first.db).all().map(\.seq)
            #expect(incidents.count == 12 && Set(incidents) == Set(1...12))
            let publications = try await Publication.query(on: first.db).all().map(\.seq)
            #expect(publications.count == 12 && Set(publications) == Set(1...12))
            #expect(try await AuditLog.verify(on: first.db) == nil)
        }
    }
}
