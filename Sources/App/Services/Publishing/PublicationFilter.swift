import Fluent
import Foundation
import HavenDomain
import SQLKit

/// What a public list shows: one kind, country, category or language, or words to search; newest first.
struct PublicationFilter: Sendable {
    var kind: PublicationKind?
    var country: String?
    var category: String?
    var language: String?
    var text = ""
    var page = 1

    static let pageSize = 20
}
