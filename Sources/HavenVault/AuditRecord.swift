import Crypto
import Foundation

/// One audit entry as it is hashed: who did what to which record, when. Never content, never addresses.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int64
    /// Seconds since 1970, whole.
    public var occurredAt: Int64
    /// A user id, or `system` / `cli`.
    public var actor: String
    /// A dotted action name, e.g. `login.failure`.
    public var action: String
    public var targetTable: String
    public var targetID: String
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, occurredAt: Int64, actor: String, action: String,
        targetTable: String, targetID: String, previousHash: String, hash: String = ""
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.targetTable = targetTable
        self.targetID = targetID
        self.previousHash = previousHash
        self.hash = hash
    }
}
