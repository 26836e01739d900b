import Fluent
import Foundation

/// One scheduled backup: when, how large, and whether it succeeded (a generic problem text when not).
final class BackupRun: Model, @unchecked Sendable {
    static let schema = "backup_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "finished_at") var finishedAt: Date
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "bytes") var bytes: Int64
    @Field(key: "file_name") var fileName: String
    @OptionalField(key: "problem") var problem: String?

    init() {}

    init(startedAt: Date, finishedAt: Date, succeeded: Bool, bytes: Int64, fileName: String, problem: String?) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.succeeded = succeeded
        self.bytes = bytes
        self.fileName = fileName
        self.problem = problem
    }
}
