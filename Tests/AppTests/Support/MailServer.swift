import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import App

/// A real SMTP server on loopback for the notice tests: aiosmtpd, with STARTTLS required under a certificate made for
/// the run (or without TLS, to test the refusal), delivering into a Maildir.
final class MailServer: @unchecked Sendable {
    static let python = "/usr/bin/python3"
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: python)
            && FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/aiosmtpd")
    }
    static let isRequired = ProcessInfo.processInfo.environment["HAVEN_TEST_REQUIRE_SMTP"] == "1"

    let directory: URL
    let port: Int
    let certificate: URL
    private let process: Process

    /// Starts a server; with `tls`, STARTTLS is offered and required.
    init(tls: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem")
        let key = directory.appendingPathComponent("key.pem")
        if tls {
            try Self.run(
                "/usr/bin/openssl",
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path, "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                ])
        }
        port = Int.random(in: 30_000...60_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments =
            ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)"] + (tls ? ["--tlscert", certificate.path, "--tlskey", key.path] : [])
            + ["-c", "aiosmtpd.handlers.Mailbox", directory.appendingPathComponent("maildir").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until the server accepts connections (up to five seconds).
    func ready() async throws {
        for _ in 0..<100 {
            if (try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get())
                .map({ $0.close(promise: nil) }) != nil
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    deinit {
        // SIGKILL: the test process ignores SIGTERM (Vapor's serve command does), and its children inherit that.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The messages delivered so far, as text.
    func messages() -> [String] {
        let new = directory.appendingPathComponent("maildir/new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return names.sorted().compactMap { try? String(contentsOf: new.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Waits up to ten seconds for at least `count` messages.
    func waitFor(_ count: Int) async throws -> [String] {
        for _ in 0..<200 {
            let found = messages()
            if found.count >= count { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
        return messages()
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) failed")
    }
}
