import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// One record of each kind a route can name, made over HTTP, so walking every route reaches its handler's real work
/// instead of stopping at a 404 for a random parameter.
struct RouteFixtures {
    let incident: String
    let caseCode: String
    let person: String
    let reportID: String
    let receipt: String
    let userID: String
    let slug: String
    let proceedingID: String

    /// Values for path parameters, by `prefix/:name` or `:name`.
    var known: [String: String] {
        [
            "app/incidents/:code": incident, "app/cases/:code": caseCode, "app/persons/:code": person, ":reportID": reportID,
            ":userID": userID, ":slug": slug, "p/:slug": slug, "report/:kind": "help", ":lang": "ru", ":language": "ru",
            "countries/:code": "MD", "categories/:heading": "freedom_of_assembly",
            ":proceedingID": proceedingID,
        ]
    }

    /// Records an incident, a publication, a case and an anonymous report as `admin` and a visitor.
    static func make(_ haven: TestHaven, admin: Browser) async throws -> RouteFixtures {
        let incident = try await recordIncident(admin)
        let proceeding = try await admin.submit(
            "/app/incidents/\(incident)/proceedings", ["court": "District court", "stage": "first_instance", "penalty": "none"])
        #expect(proceeding.status == .seeOther)
        let proceedingID = try #require(try await Proceeding.query(on: haven.db).first()).requireID().uuidString
        let slug = try await writePublication(admin)
        let caseCreated = try await admin.submit("/app/cases", ["pseudonym": "Client", "risk": "high", "needs[]": "shelter"])
        let caseCode = String((caseCreated.location ?? "").dropFirst("/app/cases/".count))
        let visitor = haven.browser()
        let sent = try await visitor.submitMultipart("/report/help", [("narrative", "Please help")])
        #expect(sent.status == .seeOther)
        let receipt = try #require(try await visitor.follow(sent).shownCode)
        let report = try #require(try await Report.query(on: haven.db).first()).requireID().uuidString
        let person = try #require(try await Person.query(on: haven.db).first()).code
        let userID = try #require(try await User.query(on: haven.db).first()).requireID().uuidString
        return RouteFixtures(
            incident: incident, caseCode: caseCode, person: person, reportID: report, receipt: receipt, userID: userID, slug: slug,
            proceedingID: proceedingID)
    }

    /// A path for a route, its parameters filled from `known` or with `fallback`.
    static func path(_ route: Route, known: [String: String], fallback: String) -> String {
        var prefix = ""
        return "/"
            + route.path.map { component -> String in
                guard case .parameter(let name) = component else {
                    prefix += component.description + "/"
                    return component.description
                }
                let value = known[prefix + ":" + name] ?? known[":" + name] ?? fallback
                return value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x"
            }.joined(separator: "/")
    }
}
