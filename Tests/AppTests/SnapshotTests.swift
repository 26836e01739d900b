import Foundation
import SnapshotTesting
import Testing

@testable import App

/// The HTML of a few pages as a reader's browser gets it, compared line by line with the reference under
/// `__Snapshots__/SnapshotTests/`: the base layout, a form with its errors, the incident page and a public page. Values
/// that change from run to run (form tokens, record codes, ids, moments) are replaced by placeholders first.
@Suite("HTML snapshots")
struct SnapshotTests {
    /// The page with run-specific values replaced.
    static func stable(_ html: String) -> String {
        var text = html
        let replacements: [(String, String)] = [
            (#"name="csrf" value="[^"]+""#, #"name="csrf" value="TOKEN""#),
            (#"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#, "UUID"),
            (#"\b([ICP])-[0-9A-Z]{6}\b"#, "$1-CODE"),
            (#"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"#, "MOMENT"),
            (#"value="\d{4}-\d{2}-\d{2}" max"#, #"value="TODAY" max"#),
        ]
        for (pattern, template) in replacements {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }

    @Test("the base layout, a form with errors, the incident page and a public publication render as recorded")
    func pages() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let dashboard = try await admin.get("/app")
            let withErrors = try await admin.submit("/app/cases", ["pseudonym": "", "name": "Typed name, kept", "needs[]": "shelter"])
            #expect(withErrors.status == .unprocessableEntity)
            let code = try await recordIncident(admin)
            let incident = try await admin.get("/app/incidents/\(code)")
            let slug = try await writePublication(admin)
            let publication = try await haven.browser().get("/p/\(slug)")
            #expect([dashboard, incident, publication].allSatisfy { $0.status == .ok })
            assertSnapshot(of: Self.stable(dashboard.body), as: .lines, named: "dashboard")
            assertSnapshot(of: Self.stable(withErrors.body), as: .lines, named: "case-form-with-errors")
            assertSnapshot(of: Self.stable(incident.body), as: .lines, named: "incident")
            assertSnapshot(of: Self.stable(publication.body), as: .lines, named: "public-publication")
        }
    }
}
