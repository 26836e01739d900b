import Fluent
import Foundation
import HavenDomain

/// A news item, statement, joint statement or event report, with every translation inside the one record.
/// Publications are public once published, so nothing in them is sealed; people belong in incidents, not here.
final class Publication: Model, @unchecked Sendable {
    static let schema = "publications"

    @ID(key: .id) var id: UUID?
    /// A small integer key for the search index.
    @Field(key: "seq") var seq: Int
    @Field(key: "slug") var slug: String
    @Enum(key: "kind") var kind: PublicationKind
    @Enum(key: "status") var status: PublicationStatus
    @Field(key: "original_language") var originalLanguage: String
    /// `PublicationContent` as JSON.
    @Field(key: "content") var content: Data
    /// The day it speaks for, `yyyy-MM-dd`.
    @Field(key: "date") var date: String
    /// When it is (or was) public; may be in the future.
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// Country codes, `,RU,MD,` (commas around each, for exact matching).
    @Field(key: "countries") var countries: String
    /// Annual Review heading codes, `,freedom_of_assembly,`.
    @Field(key: "categories") var categories: String
    /// The languages with a title, `,en,ru,`.
    @Field(key: "languages") var languages: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The publication with this slug, if any.
    static func find(on db: any Database, slug: String) async throws -> Publication? {
        try await Publication.query(on: db).filter(\.$slug == slug).first()
    }

    /// True when the public may read it now.
    func isPublic(at now: Date = Date()) -> Bool {
        status == .published && (publishedAt.map { $0 <= now } ?? false)
    }

    static func list(_ codes: [String]) -> String { codes.isEmpty ? "" : "," + codes.joined(separator: ",") + "," }
    static func codes(_ list: String) -> [String] { list.split(separator: ",").map(String.init) }
}
