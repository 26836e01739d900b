import Foundation
import HavenDomain
import HavenVault
import Vapor

/// `haven users …`: account operations from the console.
struct UsersCommand: AsyncCommandGroup {
    var help: String { "Manages staff accounts from the console." }
    var commands: [String: any AnyAsyncCommand] { ["recover": RecoverCommand()] }
}

/// `haven users recover --email E`: given the recovery key on standard input, issues a one-time code with which the user
/// chooses a new password; everything they could read stays readable.
struct RecoverCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The e-mail of the user who lost their password")
        var email: String?
    }

    var help: String { "Resets a user's password with the organisation's recovery key (read from standard input)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let email = EmailAddress(signature.email ?? "") else { throw CommandFailure("--email: give a valid e-mail address") }
        let line = context.console.input(isSecure: false)
        guard !line.isEmpty else { throw CommandFailure("standard input: give the recovery key") }
        let recoveryKey: Curve25519.KeyAgreement.PrivateKey
        do {
            recoveryKey = try RecoveryKey.parse(line)
        } catch {
            throw CommandFailure("recovery key: \(error)")
        }
        do {
            let code = try await context.application.haven.accounts.recover(
                email: email, recoveryPrivateKey: recoveryKey, on: context.application.db)
            context.console.print(
                """
                Give this one-time code to \(email) through a safe channel. At /welcome they enter it and choose a new password.
                It works once and expires in 7 days.

                    \(code)

                """)
        } catch let error as AccountError {
            throw CommandFailure(error.description)
        }
    }
}
