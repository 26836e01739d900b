import Fluent
import Foundation
import HavenDomain

/// The texts of a publication: one value per language for title, summary and body (in `Markup`), and the rest.
struct PublicationContent: Codable, Sendable, Equatable {
    var title: Translations
    var summary: Translations
    var body: Translations
    var venue: String
    var participants: Int?
}
