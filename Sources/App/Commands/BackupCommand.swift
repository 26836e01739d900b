import Foundation
import Vapor

/// `haven backup --output FILE`: one encrypted archive of everything, taken while the server runs.
/// (`haven backup --verify FILE` needs no database and runs before Haven opens one: `StandaloneCommands`.)
struct BackupCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "output", help: "The archive to write (an age file; readable by this user only)")
        var output: String?
        @Option(name: "verify", help: "Check an archive instead (the recovery key on standard input)")
        var verify: String?
    }

    var help: String { "Writes an encrypted backup of every record, file and key (restore with `haven restore`)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output, !output.isEmpty else { throw CommandFailure("--output: give the file to write") }
        let app = context.application
        let written: Backups.Written
        do {
            written = try await app.haven.backups.write(to: URL(fileURLWithPath: output), eventLoop: app.eventLoopGroup.any())
        } catch let failure as BackupFailure {
            throw CommandFailure(failure.description)
        }
        let rows = written.manifest.tables.reduce(0) { $0 + $1.rows }
        let files = written.manifest.parts.filter { $0.path.hasPrefix("files/") }.count
        context.console.print(
            "Backup written to \(output): \(written.bytes) bytes, \(rows) rows in \(written.manifest.tables.count) tables, \(files) files.")
    }
}
