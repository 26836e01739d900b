import Fluent
import Foundation
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Command line")
struct CommandTests {
    @Test("`haven setup --password-stdin` sets Haven up and prints a working recovery key", arguments: TestDatabase.all)
    func setup(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            let printed = try await haven.run(
                SetupCommand(), ["--email", "ana@example.org", "--organisation", "Kyrgyz Indigo", "--password-stdin"],
                input: [goodPassword])
            let keyLine = try #require(
                printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.count == 69 })
            let recovery = try RecoveryKey.parse(keyLine)
            let organisation = try #require(try await Organisation.current(on: haven.db))
            #expect(organisation.name == "Kyrgyz Indigo" && organisation.recoveryPublicKey == recovery.publicKey.rawRepresentation)
            #expect(haven.app.haven.setupCode == nil)
            _ = try await haven.signedInBrowser(email: "ana@example.org")
            #expect(try await haven.browser().get("/setup").status == .notFound)
            await #expect(throws: CommandFailure("Haven is already set up")) {
                _ = try await haven.run(SetupCommand(), ["--email", "b@example.org", "--password-stdin"], input: [goodPassword])
            }
        }
    }

    @Test("`haven setup` refuses a bad e-mail, a missing or weak password")
    func setupRefusals() async throws {
        try await withHaven { haven in
            await #expect(throws: CommandFailure.self) {
                _ = try await haven.run(SetupCommand(), ["--email", "nope", "--password-stdin"], input: [goodPassword])
            }
            await #expect(throws: CommandFailure.self) {
                _ = try await haven.run(SetupCommand(), ["--email", "a@example.org"], input: [goodPassword])
            }
            await #expect(throws: CommandFailure("password: one of the most common passwords")) {
                _ = try await haven.run(SetupCommand(), ["--email", "a@example.org", "--password-stdin"], input: ["password1234"])
            }
            let organisation = try await Organisation.current(on: haven.db)
            #expect(organisation == nil)
        }
    }

    @Test("`haven --help` lists every subcommand")
    func help() async throws {
        try await withHaven { haven in
            let console = ScriptedConsole(lines: [])
            let commands = haven.app.asyncCommands.group()
            var context = CommandContext(console: console, input: CommandInput(arguments: ["haven", "--help"]))
            context.application = haven.app
            try await console.run(commands, with: context)
            for name in ["serve", "setup", "users", "audit", "routes", "migrate"] {
                #expect(console.printed.contains(name), "\(name) missing from --help")
            }
        }
    }
}

@Suite("The haven executable")
struct ExecutableTests {
    /// The `haven` executable `swift build` made next to the test bundle.
    static let executable: URL? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("haven") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }()

    static func run(_ arguments: [String], dataDirectory: URL) throws -> String {
        let process = Process()
        process.executableURL = try #require(executable)
        process.arguments = arguments
        process.environment = ["HAVEN_DATA_DIR": dataDirectory.path, "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "`haven --help` and a command's help create no data directory, database or key; a command's start prints no migrator lines",
        .enabled(if: executable != nil))
    func helpTouchesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-exe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let help = try Self.run(["--help"], dataDirectory: directory)
        #expect(help.contains("Commands:") && help.contains("setup") && !help.contains("HAVEN_PUBLIC_URL"))
        #expect(try Self.run(["users", "--help"], dataDirectory: directory).contains("Usage:"))
        #expect(!FileManager.default.fileExists(atPath: directory.path), "help created \(directory.path)")
        let audit = try Self.run(["audit"], dataDirectory: directory)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("haven.sqlite").path), "a real command does")
        #expect(!audit.contains("[Migrator]"), "\(audit.prefix(300))")
    }
}
