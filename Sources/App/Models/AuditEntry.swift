import Fluent
import Foundation
import HavenVault

/// One hash-chained line of the audit log: who did what to which record, when; never content or addresses.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(custom: "sequence", generatedBy: .user) var id: Int64?
    @Field(key: "occurred_at") var occurredAt: Int64
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "target_table") var targetTable: String
    @Field(key: "target_id") var targetID: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ record: AuditRecord) {
        id = record.sequence
        occurredAt = record.occurredAt
        actor = record.actor
        action = record.action
        targetTable = record.targetTable
        targetID = record.targetID
        previousHash = record.previousHash
        hash = record.hash
    }

    /// The entry as the chain hashes it.
    var record: AuditRecord {
        AuditRecord(
            sequence: id ?? 0, occurredAt: occurredAt, actor: actor, action: action,
            targetTable: targetTable, targetID: targetID, previousHash: previousHash, hash: hash)
    }
}
