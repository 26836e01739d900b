import Vapor

/// `haven audit …`: the audit log from the console.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Checks the audit log." }
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
}

/// `haven audit verify`: recomputes the hash chain; says OK or names the first broken entry.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Verifies the audit log's hash chain." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        if let broken = try await AuditLog.verify(on: db) {
            throw CommandFailure("audit chain BROKEN: \(broken)")
        }
        let count = try await AuditEntry.query(on: db).count()
        context.console.print("audit chain OK: \(count) entries")
    }
}
