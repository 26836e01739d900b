import Fluent
import Foundation
import HavenDomain
import Vapor

/// `haven retention run`: deletes expired records now.
struct RetentionCommand: AsyncCommandGroup {
    var help: String { "Deletes records kept longer than the retention settings." }
    var commands: [String: any AnyAsyncCommand] { ["run": RetentionRunCommand()] }
}

/// Deletes expired records once and says how many.
struct RetentionRunCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Deletes expired records now (the server also does it once a day)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let deleted = try await context.application.haven.retention.run(on: context.application.db)
        context.console.print("retention: \(deleted) expired record(s) deleted")
    }
}
