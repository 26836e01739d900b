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
