import Fluent
import Foundation
import HavenDomain

/// An organisation that signs joint statements, found again by its folded name.
final class Signatory: Model, @unchecked Sendable {
    static let schema = "signatories"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The folded name (`SearchText.fold`), unique.
    @Field(key: "name_key") var nameKey: String

    init() {}

    init(name: String) {
        self.name = name
        self.nameKey = SearchText.fold(name)
    }
}
