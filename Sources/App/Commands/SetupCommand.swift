import Foundation
import HavenDomain
import Vapor

/// `haven setup`: first-time setup without a browser; prints the recovery key once.
struct SetupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The first administrator's e-mail")
        var email: String?
        @Option(name: "organisation", help: "The organisation's name")
        var organisation: String?
        @Flag(name: "password-stdin", help: "Read the administrator's password from the first line of standard input")
        var passwordFromStandardInput: Bool
    }

    var help: String { "Sets up Haven: the organisation, its recovery key and the first administrator." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = EmailAddress(signature.email ?? "") else { throw CommandFailure("--email: give a valid e-mail address") }
        let password = signature.passwordFromStandardInput ? context.console.input(isSecure: false) : ""
        guard !password.isEmpty else {
            throw CommandFailure("--password-stdin: pipe the password on standard input (it is never taken as an argument)")
        }
        if let problem = PasswordPolicy.problem(with: password) { throw CommandFailure("password: \(problem)") }
        guard try await Organisation.current(on: app.db) == nil else { throw CommandFailure("Haven is already set up") }
        let name = (signature.organisation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let pending = try await app.haven.setup.prepare(organisationName: name.isEmpty ? "Haven" : name, email: email, password: password)
        _ = try await app.haven.setup.commit(pending, actor: "cli", on: app.db)
        context.console.print(
            """
            Haven is set up. Sign in at /login as \(email).

            RECOVERY KEY — write it down now and keep it offline. It is shown only this once and Haven does not keep it.
            With it an administrator can restore a staff member who lost their password, and read everything in an emergency.

                \(pending.recoveryKeyText)

            """)
    }
}
