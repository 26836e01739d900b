import Foundation
import HavenDomain
import Vapor

/// `haven export --email E --format csv|json --output FILE`: everything that staff member may read, opened with
/// their keys (their password on standard input, and `--code` when they have a second factor). Audited.
struct ExportCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Whose keys open the records (they may export what they may read)")
        var email: String?
        @Option(name: "format", help: "csv (a ZIP of CSV files, the default) or json")
        var format: String?
        @Option(name: "output", help: "The file to write (readable by this user only)")
        var output: String?
        @Option(name: "code", help: "The second-factor code, when the account has one")
        var code: String?
    }

    var help: String { "Exports everything a staff member may read, in clear, as CSV files in a ZIP or one JSON document." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output, !output.isEmpty else { throw CommandFailure("--output: give the file to write") }
        guard let format = Exports.Format(rawValue: signature.format ?? "csv") else { throw CommandFailure("--format: csv or json") }
        guard let email = signature.email, !email.isEmpty else { throw CommandFailure("--email: whose export it is") }
        let password = context.console.input(isSecure: true)
        let app = context.application
        guard let user = try await app.haven.accounts.authenticate(email: email, password: password, code: signature.code ?? "", on: app.db)
        else { throw CommandFailure("the e-mail, password or code is not right") }
        let staff = SignedInStaff(id: user.id, role: user.role, privateKey: user.privateKey)
        let data = try await app.haven.exports.export(format, for: staff, on: app.db)
        let handle = try BackupFileIO.create(URL(fileURLWithPath: output))
        try handle.write(contentsOf: data)
        try handle.close()
        context.console.print("Export written to \(output) (\(data.count) bytes). It holds personal data in clear: keep it encrypted.")
    }
}
