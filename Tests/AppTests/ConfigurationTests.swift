import Foundation
import Testing
import Vapor

@testable import App

@Suite("Configuration")
struct ConfigurationTests {
    @Test("defaults: SQLite in ./data, 30-minute idle and 12-hour absolute sessions, production scrypt")
    func defaults() throws {
        let configuration = try HavenConfiguration.fromEnvironment([:])
        #expect(configuration.dataDirectory.lastPathComponent == "data")
        #expect(configuration.storage == .sqlite(path: configuration.dataDirectory.appendingPathComponent("haven.sqlite").path))
        #expect(configuration.sessionIdleTimeout == 1800 && configuration.sessionAbsoluteTimeout == 43_200)
        #expect(configuration.kdfParameters == .production)
        #expect(configuration.publicURL == nil && configuration.logLevel == .info)
    }

    @Test(
        "a PostgreSQL URL selects PostgreSQL; a bad value names its variable",
        arguments: [
            (["HAVEN_DATABASE_URL": "mysql://x@y/z"], "HAVEN_DATABASE_URL"),
            (["HAVEN_DATABASE_URL": "postgres://user:pass@host:5432"], "HAVEN_DATABASE_URL"),
            (["HAVEN_PUBLIC_URL": "ftp://example.org"], "HAVEN_PUBLIC_URL"),
            (["HAVEN_LOG_LEVEL": "loud"], "HAVEN_LOG_LEVEL"),
            (["HAVEN_SESSION_IDLE_MINUTES": "0"], "HAVEN_SESSION_IDLE_MINUTES"),
            (["HAVEN_SESSION_MAX_HOURS": "many"], "HAVEN_SESSION_MAX_HOURS"),
            (["HAVEN_SMTP_URL": "smtps://mail.example.org", "HAVEN_SMTP_FROM": "h@example.org"], "HAVEN_SMTP_URL"),
            (["HAVEN_SMTP_URL": "smtp://mail.example.org", "HAVEN_PUBLIC_URL": "https://h.example.org"], "HAVEN_SMTP_URL"),
            (["HAVEN_SMTP_URL": "smtp://mail.example.org", "HAVEN_SMTP_FROM": "h@example.org\r\nBcc: x@y.z"], "HAVEN_SMTP_URL"),
            (["HAVEN_SMTP_URL": "smtp://mail.example.org", "HAVEN_SMTP_FROM": "h@example.org"], "HAVEN_PUBLIC_URL"),
        ])
    func badValues(environment: [String: String], variable: String) {
        #expect {
            try HavenConfiguration.fromEnvironment(environment)
        } throws: { error in
            (error as? ConfigurationError)?.variable == variable && "\(error)".hasPrefix(variable + ": ")
        }
    }

    @Test("good values are read")
    func goodValues() throws {
        let configuration = try HavenConfiguration.fromEnvironment([
            "HAVEN_DATABASE_URL": "postgres://haven:secret@127.0.0.1:5432/haven", "HAVEN_PUBLIC_URL": "https://haven.example.org",
            "HAVEN_LOG_LEVEL": "debug", "HAVEN_SESSION_IDLE_MINUTES": "10", "HAVEN_SESSION_MAX_HOURS": "2",
            "HAVEN_DATA_DIR": "/tmp/haven-x",
        ])
        #expect(configuration.storage == .postgres(url: "postgres://haven:secret@127.0.0.1:5432/haven", searchPath: nil))
        #expect(configuration.isHTTPS && configuration.logLevel == .debug)
        #expect(configuration.sessionIdleTimeout == 600 && configuration.sessionAbsoluteTimeout == 7200)
        #expect(configuration.dataDirectory.path == "/tmp/haven-x")
        #expect(configuration.smtp == nil)
    }

    @Test("a mail server is read with its user, password (percent-decoded), port 587 unless given, and sender")
    func mailServer() throws {
        let configuration = try HavenConfiguration.fromEnvironment([
            "HAVEN_SMTP_URL": "smtp://haven:p%40ss@mail.example.org", "HAVEN_SMTP_FROM": "haven@example.org",
            "HAVEN_PUBLIC_URL": "https://haven.example.org", "HAVEN_SMTP_CA_FILE": "/etc/haven/mail-ca.pem",
        ])
        #expect(
            configuration.smtp
                == SMTPSettings(
                    host: "mail.example.org", port: 587, username: "haven", password: "p@ss", from: "haven@example.org",
                    extraTrustRoots: "/etc/haven/mail-ca.pem"))
        let other = SMTPSettings.parse(url: "smtp://mail.example.org:2525", from: "h@example.org", extraTrustRoots: nil)
        #expect(other?.port == 2525 && other?.username == nil)
    }

    @Test("an unreachable PostgreSQL stops the start with one line naming HAVEN_DATABASE_URL")
    func unreachable() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await Application.make(.testing)
        let configuration = HavenConfiguration(
            dataDirectory: directory, storage: .postgres(url: "postgres://haven:x@127.0.0.1:1/haven", searchPath: nil),
            kdfParameters: testKDF)
        try configure(app, configuration: configuration)
        await #expect {
            try await app.prepareStorage()
        } throws: { error in
            (error as? ConfigurationError)?.variable == "HAVEN_DATABASE_URL" && !"\(error)".contains("\n")
        }
        try await app.asyncShutdown()
    }
}
