import Foundation
import Testing

/// CI greps for this test having passed: it fails the run if the PostgreSQL tests were skipped.
@Suite("PostgreSQL")
struct PostgresAvailabilityTests {
    @Test("PostgreSQL store tests are running", .enabled(if: TestDatabase.postgresURL != nil))
    func postgresRuns() async throws {
        try await withHaven(.postgres(TestDatabase.postgresURL!)) { haven in
            let health = try await haven.browser().get("/health")
            #expect(health.body.contains("postgresql"))
        }
    }
}
