import Foundation
import Testing
import Vapor

@testable import App

@Suite("Every page fits a phone", .serialized)
struct PhoneWidthTests {
    /// Routes that answer something other than an HTML page (feeds, files, downloads) or only redirect.
    static let notPages = ["feed.atom", "sitemap.xml", "health", "logo", "attachments", "evidence", "download", "logout", "receipt"]

    @Test(
        "every HTML page the routes serve — intake, follow-up, public and staff — lays out 360 px wide in headless Chromium with scripts off",
        .enabled(if: HeadlessChromium.executable != nil || HeadlessChromium.required))
    func everyPageFits360() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let fixtures = try await RouteFixtures.make(haven, admin: admin)
            let long = "https://example.org/a/very/long/address/without/any/break/" + String(repeating: "x", count: 120)
            let (code, visitor) = try await sendReport(
                haven, narrative: "They followed me home.\n" + long, contact: "signal: " + String(repeating: "y", count: 80),
                files: [("attachments[]", "a-photo-with-a-very-long-file-name-from-the-phone-camera-2024-05-19.jpg", Data(count: 60_000))])
            let publicIncident = try await recordIncident(
                admin, incidentFields(confidentiality: "public", victim: "Width Person", extra: [("sources[0][url]", long)]))
            let thread = try await visitor.submitMultipart("/report/follow-up", [("code", code)])
            #expect(thread.status == .ok)

            let chromium = try await HeadlessChromium.launch(on: haven.app.eventLoopGroup)
            var measured: [HeadlessChromium.Measurement] = []
            do {
                var known = fixtures.known
                known["incidents/:code"] = publicIncident
                let paths = Set(
                    haven.app.routes.all.filter { route in
                        route.method == .GET && !route.path.contains { Self.notPages.contains($0.description) }
                    }.map { RouteFixtures.path($0, known: known, fallback: "x") })
                for path in paths.sorted() {
                    let staff = path.hasPrefix("/app")
                    let answer = try await (staff ? admin : haven.browser()).get(path)
                    guard answer.status == .ok, answer.headers.first(name: .contentType)?.hasPrefix("text/html") == true else { continue }
                    measured.append(
                        try await chromium.measure(haven.baseURL + path, path: path, cookies: staff ? admin.cookies : [:]))
                }
                measured.append(
                    try await chromium.measure(
                        html: thread.body, at: haven.baseURL + "/report/follow-up", path: "/report/follow-up (the thread)"))
            } catch {
                await chromium.close()
                throw error
            }
            await chromium.close()
            #expect(measured.count >= 30, "\(measured.map(\.path))")
            // Stacked on a phone, each cell says what it is.
            #expect(try await admin.get("/app/incidents").body.contains("<td data-label=\"Country\">"))
            for page in measured { #expect(page.scrollWidth == 360, "\(page)") }
            for path in ["/", "/incidents", "/report/help", "/app/inbox", "/app/cases", "/app/incidents"] {
                #expect(measured.contains { $0.path.hasPrefix(path) }, "\(path) was measured")
            }
        }
    }
}
