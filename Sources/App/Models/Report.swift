import Fluent
import Foundation
import HavenDomain

/// An anonymous report: everything the person wrote is sealed under the report's own data key.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(key: .id) var id: UUID?
    @Enum(key: "kind") var kind: ReportKind
    @Enum(key: "status") var status: ReportStatus
    /// HMAC of the receipt code under the receipt key (kept outside the database).
    @Field(key: "receipt_lookup") var receiptLookup: String
    /// The report key sealed under a key derived from the receipt code.
    @Field(key: "receipt_sealed_key") var receiptSealedKey: Data
    /// The `ReportSubmission` as JSON, sealed.
    @Field(key: "payload_sealed") var payloadSealed: Data
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "last_activity_at") var lastActivityAt: Date

    init() {}

    init(id: UUID, kind: ReportKind, receiptLookup: String, receiptSealedKey: Data, payloadSealed: Data, at date: Date) {
        self.id = id
        self.kind = kind
        self.status = .new
        self.receiptLookup = receiptLookup
        self.receiptSealedKey = receiptSealedKey
        self.payloadSealed = payloadSealed
        self.receivedAt = date
        self.lastActivityAt = date
    }
}
