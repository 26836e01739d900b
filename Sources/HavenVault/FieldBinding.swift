import Crypto
import Foundation

/// Where a sealed field belongs; bound into the ciphertext so a value cannot be moved to another record or field.
public struct FieldBinding: Sendable, Equatable {
    public let table: String
    public let recordID: String
    public let field: String

    public init(table: String, recordID: String, field: String) {
        self.table = table
        self.recordID = recordID
        self.field = field
    }

    var associatedData: Data { Data("haven/v1/field|\(table)|\(recordID)|\(field)".utf8) }
}
