import Foundation
import HavenDomain

/// A publication in a list, with its texts read from the record.
struct ListedPublication: Sendable {
    let record: Publication
    let content: PublicationContent

    init(_ record: Publication) throws {
        self.record = record
        self.content = try JSONDecoder().decode(PublicationContent.self, from: record.content)
    }
}
