import Fluent
import Foundation

/// A frozen set of statistics tables (`StatisticsTable` as JSON, hidden counts left out), a draft until approved.
final class StatisticsRelease: Model, @unchecked Sendable {
    static let schema = "statistics_releases"

    @ID(key: .id) var id: UUID?
    /// 1, 2, 3 … in the order made.
    @Field(key: "number") var number: Int
    /// The period counted, as typed dates (`2021`, `2021-06`); empty for open.
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "threshold") var threshold: Int
    @Field(key: "tables") var tables: String
    @OptionalParent(key: "created_by_user_id") var createdBy: User?
    @Field(key: "created_at") var createdAt: Date
    @OptionalParent(key: "approved_by_user_id") var approvedBy: User?
    @OptionalField(key: "approved_at") var approvedAt: Date?

    init() {}

    var isApproved: Bool { approvedAt != nil }
}
