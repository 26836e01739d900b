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

/// The texts of a publication: one value per language for title, summary and body (in `Markup`), and the rest.
struct PublicationContent: Codable, Sendable, Equatable {
    var title: Translations
    var summary: Translations
    var body: Translations
    var venue: String
    var participants: Int?
}

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

/// A signatory of one publication, in the order they are listed.
final class PublicationSignatory: Model, @unchecked Sendable {
    static let schema = "publication_signatories"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @Parent(key: "signatory_id") var signatory: Signatory
    @Field(key: "position") var position: Int

    init() {}

    init(publicationID: UUID, signatoryID: UUID, position: Int) {
        self.$publication.id = publicationID
        self.$signatory.id = signatoryID
        self.position = position
    }
}

/// A public incident a publication speaks about.
final class PublicationIncident: Model, @unchecked Sendable {
    static let schema = "publication_incidents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @Parent(key: "incident_id") var incident: Incident

    init() {}

    init(publicationID: UUID, incidentID: UUID) {
        self.$publication.id = publicationID
        self.$incident.id = incidentID
    }
}

/// A publication as it was after an edit or a status change.
final class PublicationRevision: Model, @unchecked Sendable {
    static let schema = "publication_revisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @OptionalParent(key: "actor_user_id") var actor: User?
    /// `create`, `edit`, or the new status.
    @Field(key: "action") var action: String
    /// `PublicationSnapshot` as JSON.
    @Field(key: "snapshot") var snapshot: Data
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}

/// What a revision keeps: the draft and the status.
struct PublicationSnapshot: Codable, Sendable, Equatable {
    var draft: PublicationDraft
    var status: PublicationStatus
    var publishedAt: Date?
}

/// A language publications may be written in; administrators add more.
final class ContentLanguage: Model, @unchecked Sendable {
    static let schema = "content_languages"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    init() {}

    init(code: String, name: String, position: Int) {
        self.id = code
        self.name = name
        self.position = position
    }
}

/// A page of the public site that administrators write (the about and contact page), one text per language.
final class SitePage: Model, @unchecked Sendable {
    static let schema = "site_pages"

    @ID(custom: "name", generatedBy: .user) var id: String?
    /// `Translations` of the page's `Markup`, as JSON.
    @Field(key: "content") var content: Data
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
