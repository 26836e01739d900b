import Foundation
import HavenDomain

/// A sealed record whose data key staff hold copies of: its kind and id (the instance-wide keys have fixed ids).
struct SealedRecord: Hashable, Sendable {
    let kind: RecordKind
    let id: String

    init(_ kind: RecordKind, id: UUID) {
        self.kind = kind
        self.id = id.uuidString
    }

    private init(instanceKey kind: RecordKind) {
        self.kind = kind
        self.id = kind.instanceRecordID ?? ""
    }

    static func report(_ id: UUID) -> SealedRecord { SealedRecord(.report, id: id) }
    static func `case`(_ id: UUID) -> SealedRecord { SealedRecord(.case, id: id) }
    static func incident(_ id: UUID) -> SealedRecord { SealedRecord(.incident, id: id) }

    /// The documentation key's record.
    static let documentation = SealedRecord(instanceKey: .documentation)
    /// The staff directory key's record.
    static let directory = SealedRecord(instanceKey: .directory)
    /// The colleagues key's record (display names).
    static let colleagues = SealedRecord(instanceKey: .colleagues)

    /// The instance-wide keys.
    static let instanceKeys: [SealedRecord] = [.documentation, .directory, .colleagues]
}
