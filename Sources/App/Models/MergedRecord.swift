import Fluent
import Foundation

/// An incident or person merged into another (its survivor): the merged code redirects there.
final class MergedRecord: Model, @unchecked Sendable {
    static let schema = "merged_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "record_table") var recordTable: String
    @Field(key: "merged_id") var mergedID: UUID
    @Field(key: "code") var code: String
    @Field(key: "survivor_id") var survivorID: UUID
    @Field(key: "merged_at") var mergedAt: Date

    init() {}

    init(recordTable: String, mergedID: UUID, code: String, survivorID: UUID, at date: Date) {
        self.recordTable = recordTable
        self.mergedID = mergedID
        self.code = code
        self.survivorID = survivorID
        self.mergedAt = date
    }
}

extension MergedRecord {
    /// Records a merge inside the caller's transaction; earlier merges into the merged record now point at the survivor.
    static func record(table: String, merged: UUID, code: String, into survivor: UUID, at date: Date, on tx: any Database) async throws {
        try await MergedRecord.query(on: tx).filter(\.$recordTable == table).filter(\.$survivorID == merged)
            .set(\.$survivorID, to: survivor).update()
        try await MergedRecord(recordTable: table, mergedID: merged, code: code, survivorID: survivor, at: date).create(on: tx)
    }

    /// The survivor's id for a merged code, if the code was merged.
    static func survivor(table: String, code: String, on db: any Database) async throws -> UUID? {
        try await MergedRecord.query(on: db).filter(\.$recordTable == table).filter(\.$code == code).first()?.survivorID
    }

    /// Survivors of merged ids (sealed references name persons by id).
    static func survivors(table: String, of ids: [UUID], on db: any Database) async throws -> [UUID: UUID] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await MergedRecord.query(on: db).filter(\.$recordTable == table).filter(\.$mergedID ~~ ids).all()
        return Dictionary(rows.map { ($0.mergedID, $0.survivorID) }, uniquingKeysWith: { a, _ in a })
    }
}
