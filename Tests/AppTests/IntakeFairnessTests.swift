import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite("Intake limits when every visitor shares one address")
struct IntakeFairnessTests {
    /// Sends one report as a new visitor; the answer and the visitor.
    static func floodOnce(_ haven: TestHaven, number: Int) async throws -> (page: Browser.Page, visitor: Browser) {
        let visitor = haven.browser()
        return (try await visitor.submitMultipart("/report/other", [("narrative", "junk \(number)")]), visitor)
    }

    @Test("a client flooding reports from the same address (new sessions and one session) cannot stop another's report")
    func floodDoesNotStarve() async throws {
        try await withHaven(adjust: { $0.intakePatience = 1 }) { haven in
            try await haven.setUp()
            let person = haven.browser()
            _ = try await person.get("/report/violation")
            // The flood: a new session for every report, and one session sending again and again, until both are refused.
            var accepted = 0
            var number = 0
            let reuser = haven.browser()
            _ = try await reuser.get("/report/other")
            var reuserRefused = false
            var freshRefusal: (page: Browser.Page, visitor: Browser)?
            while !(reuserRefused && freshRefusal != nil), number < 300 {
                number += 1
                let sent = try await Self.floodOnce(haven, number: number)
                if sent.page.status == .seeOther { accepted += 1 } else if freshRefusal == nil { freshRefusal = sent }
                if try await reuser.submitMultipart("/report/other", [("narrative", "again \(number)")]).status == .seeOther {
                    accepted += 1
                } else {
                    reuserRefused = true
                }
            }
            #expect(reuserRefused, "one session sending again and again was limited")
            let refusal = try #require(freshRefusal, "new sessions sending at once were limited: \(accepted) accepted of \(2 * number)")
            // A fresh session that sent at once is asked to wait a moment, its text kept, and told how long.
            #expect(refusal.page.status == .tooManyRequests && refusal.page.body.contains("junk \(number)"))
            let wait = Int(refusal.page.headers.first(name: .retryAfter) ?? "") ?? 0
            #expect((1...60).contains(wait), "told when: \(wait) s")
            let flood = Task {
                for more in 0..<40 { _ = try await Self.floodOnce(haven, number: 1_000 + more) }
            }
            try await Task.sleep(for: .milliseconds(1_100))
            // The person took a moment to write; their report is accepted at once while the flood goes on.
            let answer = try await person.submitMultipart("/report/violation", [("narrative", "They beat me at the station")])
            #expect(answer.status == .seeOther, "the person's report was accepted during the flood")
            try await flood.value
            #expect(
                try await refusal.visitor.submitMultipart("/report/other", [("narrative", "sent again later")]).status == .seeOther,
                "once its session is a second old, the refused visitor's report goes through")
        }
    }

    @Test("a refused report keeps its text and says when to send it again")
    func refusedKeepsText() async throws {
        try await withHaven(adjust: { $0.intakePatience = 3_600 }) { haven in
            try await haven.setUp()
            let visitor = haven.browser()
            _ = try await visitor.get("/report/help")
            var statuses: [HTTPResponseStatus] = []
            for number in 0..<4 {
                statuses.append(try await visitor.submitMultipart("/report/help", [("narrative", "text \(number)")]).status)
            }
            #expect(statuses == [.seeOther, .seeOther, .seeOther, .tooManyRequests], "three reports per session, then a pause")
            let refused = try await visitor.submitMultipart("/report/help", [("narrative", "kept as typed"), ("city", "Bălți")])
            #expect(refused.status == .tooManyRequests && refused.headers.first(name: .retryAfter) != nil)
            #expect(refused.body.contains("kept as typed") && refused.body.contains("Bălți"))
        }
    }

    @Test("per-address limits count the client behind a trusted proxy, and only there")
    func trustedProxy() async throws {
        let configuration = try HavenConfiguration.fromEnvironment(["HAVEN_TRUSTED_PROXY": "127.0.0.1, 10.0.0.0/8"])
        #expect(configuration.trustedProxies.count == 2)
        #expect(throws: ConfigurationError.self) { try HavenConfiguration.fromEnvironment(["HAVEN_TRUSTED_PROXY": "10.0.0.0/33"]) }
        #expect(throws: ConfigurationError.self) { try HavenConfiguration.fromEnvironment(["HAVEN_TRUSTED_PROXY": "proxy.example"]) }
        #expect(AddressRange("10.0.0.0/8")!.contains("10.200.3.4") && !AddressRange("10.0.0.0/8")!.contains("11.0.0.1"))
        #expect(AddressRange("fd00::/8")!.contains("fd12::1") && !AddressRange("fd00::/8")!.contains("fe80::1"))
        try await withHaven(adjust: { $0.trustedProxies = [AddressRange("127.0.0.1")!] }) { haven in
            try await haven.setUp()
            let limiter = haven.app.haven.rateLimiter
            let before = await limiter.count
            let browser = haven.browser()
            browser.headers.add(name: .xForwardedFor, value: "203.0.113.7, 127.0.0.1")
            #expect(try await browser.submitMultipart("/report/help", [("narrative", "via the proxy")]).status == .seeOther)
            #expect(await limiter.count == before + 3, "the client's address, the session and the share")
            let spoofer = haven.browser()
            spoofer.headers.add(name: .xForwardedFor, value: "not an address")
            #expect(try await spoofer.submitMultipart("/report/help", [("narrative", "spoofed")]).status == .seeOther)
            #expect(await limiter.count == before + 4, "an address that does not parse makes no per-address bucket")
        }
    }
}
