import Fluent
import Foundation
import HavenDomain
import NIOPosix
import Testing
import Vapor

@testable import App

@Suite("Notices by e-mail", .enabled(if: MailServer.isAvailable || MailServer.isRequired))
struct NoticeMailTests {
    static func settings(_ server: MailServer, trusting: Bool = true) -> SMTPSettings {
        SMTPSettings(
            host: "localhost", port: server.port, username: nil, password: nil, from: "haven@example.org",
            extraTrustRoots: trusting ? server.certificate.path : nil)
    }

    @Test("a new report and a case given send a content-free notice over STARTTLS to the address each person chose, once per quiet period")
    func notices() async throws {
        try #require(MailServer.isAvailable, "aiosmtpd is required (HAVEN_TEST_REQUIRE_SMTP=1) but not installed")
        let server = try MailServer()
        try await server.ready()
        try await withHaven(adjust: {
            $0.smtp = Self.settings(server)
            $0.publicURL = URL(string: "http://haven.example.org")
        }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let caseworkerID = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "quiet@example.org", role: .coordinator, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "cw@example.org")

            let wrong = try await admin.submit("/app/account/notices", ["address": "not an address"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("value=\"not an address\""))
            let bracketed = try await admin.submit("/app/account/notices", ["address": "a>b@example.net"])
            #expect(bracketed.status == .unprocessableEntity && bracketed.body.contains("value=\"a&gt;b@example.net\""))
            #expect(
                try await admin.submit("/app/account/notices", ["address": "alerts@example.net"], csrf: .some(nil)).status == .forbidden)
            #expect(try await admin.submit("/app/account/notices", ["address": "alerts@example.net"]).status == .seeOther)
            #expect(try await admin.get("/app/account").body.contains("value=\"alerts@example.net\""))
            #expect(try await caseworker.submit("/app/account/notices", ["address": "cw-alerts@example.net"]).status == .seeOther)
            let stored = try #require(try await User.find(caseworkerID, on: haven.db)?.noticeAddressSealed)
            #expect(stored.range(of: Data("cw-alerts".utf8)) == nil, "sealed at rest")

            _ = try await sendReport(haven, narrative: "MARKER-NOTICE-NARRATIVE about Ion from Bălți", contact: "signal: @marker")
            let first = try await server.waitFor(1)
            #expect(first.count == 1)
            let message = try #require(first.first)
            #expect(message.contains("To: <alerts@example.net>") && message.contains("Something new is waiting for you in Haven."))
            #expect(message.contains("http://haven.example.org/app"))
            for leak in ["MARKER-NOTICE-NARRATIVE", "Ion", "marker", "report", "Report", "admin@example.org"] {
                #expect(!message.contains(leak), "\(leak) in a notice")
            }

            let code = try await openCase(admin, pseudonym: "MARKER-PSEUDONYM")
            _ = try await admin.submit("/app/cases/\(code)/assign", ["colleague": caseworkerID.uuidString])
            let second = try await server.waitFor(2)
            #expect(second.count == 2)
            let toCaseworker = try #require(second.first { $0.contains("To: <cw-alerts@example.net>") })
            #expect(!toCaseworker.contains(code) && !toCaseworker.contains("MARKER-PSEUDONYM") && !toCaseworker.contains("case"))

            _ = try await sendReport(haven, narrative: "A second report within the quiet period")
            try await Task.sleep(for: .seconds(1))
            #expect(server.messages().count == 2, "one notice per person per quiet period; nobody without an address")
        }
    }

    @Test("nothing goes in clear: a server without STARTTLS and one whose certificate is not trusted get no message")
    func refusals() async throws {
        try #require(MailServer.isAvailable, "aiosmtpd is required (HAVEN_TEST_REQUIRE_SMTP=1) but not installed")
        let plain = try MailServer(tls: false)
        try await plain.ready()
        let group = MultiThreadedEventLoopGroup.singleton
        await #expect(throws: SMTPClient.Failure.noStartTLS) {
            try await SMTPClient(settings: Self.settings(plain, trusting: false), group: group).send(to: "a@example.net", message: "x")
        }
        let untrusted = try MailServer()
        try await untrusted.ready()
        await #expect(throws: (any Error).self) {
            try await SMTPClient(settings: Self.settings(untrusted, trusting: false), group: group).send(to: "a@example.net", message: "x")
        }
        #expect(plain.messages().isEmpty && untrusted.messages().isEmpty)
        let trusted = try MailServer()
        try await trusted.ready()
        try await SMTPClient(settings: Self.settings(trusted), group: group).send(
            to: "a@example.net",
            message: NoticeMailer.message(to: "a@example.net", from: "haven@example.org", link: URL(string: "http://h")!, at: Date()))
        #expect(try await trusted.waitFor(1).count == 1)
    }

    @Test("the daily notice goes to those with a task or hearing falling due, and only to them")
    func due() async throws {
        try #require(MailServer.isAvailable, "aiosmtpd is required (HAVEN_TEST_REQUIRE_SMTP=1) but not installed")
        let server = try MailServer()
        try await server.ready()
        try await withHaven(adjust: {
            $0.smtp = Self.settings(server)
            $0.publicURL = URL(string: "http://haven.example.org")
        }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let holderID = try await haven.addUser(email: "holder@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "idle@example.org", role: .caseworker, by: admin)
            let holder = try await haven.signedInBrowser(email: "holder@example.org")
            let idle = try await haven.signedInBrowser(email: "idle@example.org")
            _ = try await holder.submit("/app/account/notices", ["address": "holder-alerts@example.net"])
            _ = try await idle.submit("/app/account/notices", ["address": "idle-alerts@example.net"])
            let code = try await openCase(admin, pseudonym: "Due soon")
            _ = try await admin.submit("/app/cases/\(code)/assign", ["colleague": holderID.uuidString])
            #expect(try await server.waitFor(1).count == 1, "the case given")

            let services = haven.app.haven
            let later = Date().addingTimeInterval(Self.quiet)
            await services.notices.notifyDue(notifications: services.notifications, now: later, on: haven.db)
            try await Task.sleep(for: .milliseconds(500))
            #expect(server.messages().count == 1, "no task due yet: nobody is told")

            _ = try await holder.submit("/app/cases/\(code)/tasks", ["title": "Call the lawyer", "dueOn": Day.today(later)])
            await services.notices.notifyDue(notifications: services.notifications, now: later, on: haven.db)
            let sent = try await server.waitFor(2)
            #expect(sent.count == 2 && sent.last?.contains("To: <holder-alerts@example.net>") == true)
            #expect(!sent.contains { $0.contains("idle-alerts") } && !(sent.last ?? "").contains("lawyer"))
        }
    }

    /// A time past the quiet period, so the first notice does not hold back the next.
    static let quiet = NoticeMailer.quietPeriod + 60
}
