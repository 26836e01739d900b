import Foundation
import HavenDomain
import HavenVault
import Testing
import Vapor

@testable import App

/// Sends a report as a visitor with JavaScript off; returns the receipt code and the visitor's browser.
func sendReport(
    _ haven: TestHaven, kind: String = "help", narrative: String, contact: String = "",
    files: [(field: String, name: String, data: Data)] = [], extra: [(String, String)] = []
) async throws -> (code: String, browser: Browser) {
    let visitor = haven.browser()
    let start = try await visitor.get("/report")
    #expect(start.body.contains("/report/help") && start.body.contains("Leave this site quickly"))
    let form = try await visitor.get("/report/\(kind)")
    #expect(form.status == .ok && form.body.contains("enctype=\"multipart/form-data\""))
    let sent = try await visitor.submitMultipart(
        "/report/\(kind)",
        [
            ("narrative", narrative), ("country", "Moldova"), ("city", "Chișinău"),
            ("when", "last spring"), ("contact", contact), ("needs[]", "shelter"),
            ("needs[]", "legal_consultation"),
        ] + extra, files: files)
    #expect(sent.status == .seeOther && sent.location == "/report/receipt")
    let receipt = try await visitor.follow(sent)
    let code = try #require(receipt.shownCode)
    #expect(HumanCode(typed: code).normalized.count * 5 >= 112)
    #expect(try await visitor.get("/report/receipt").location == "/report")
    return (code, visitor)
}
