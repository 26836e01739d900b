import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

/// Opens a case over HTTP as `browser`; returns its code.
func openCase(_ browser: Browser, pseudonym: String = "Client A", name: String = "Arman", note: String = "Needs a lawyer for Tuesday")
    async throws -> String
{
    let created = try await browser.submit(
        "/app/cases",
        [
            "pseudonym": pseudonym, "name": name, "contact": "signal @arman", "notes": "Fled family violence",
            "needs[]": "legal_consultation", "risk": "high", "consentsToServices": "yes", "consentsToStatistics": "yes", "firstNote": note,
        ])
    #expect(created.status == .seeOther)
    let location = try #require(created.location)
    #expect(location.hasPrefix("/app/cases/C-"))
    return String(location.dropFirst("/app/cases/".count))
}
