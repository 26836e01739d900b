import Fluent
import Foundation
import HavenDomain
import Vapor

/// What the public site reads: published publications, the content languages and the about page; and the
/// administrators' edits of the latter two.
extension Publishing {
    /// Why a content language was not added.
    enum LanguageProblem: Error, Equatable {
        case invalidCode, exists, invalidName
    }

    /// One page of published publications and whether an older page exists.
    func published(_ filter: PublicationFilter, now: Date = Date(), on db: any Database) async throws -> (
        rows: [ListedPublication], hasMore: Bool
    ) {
        let found = try await PublicationQuery.published(filter, now: now, on: db)
        return (try found.rows.map(ListedPublication.init), found.hasMore)
    }

    /// A publication the public may read now, opened; nil otherwise.
    func publicPublication(slug: String, now: Date = Date(), on db: any Database) async throws -> OpenedPublication? {
        guard let record = try await Publication.find(on: db, slug: slug), record.isPublic(at: now) else { return nil }
        return try await open(record, on: db)
    }

    /// The latest publications the public may read, for the sitemap.
    func sitemapEntries(limit: Int, now: Date = Date(), on db: any Database) async throws -> [Publication] {
        try await Publication.query(on: db).filter(\.$status == .published).filter(\.$publishedAt <= now)
            .sort(\.$date, .descending).sort(\.$publishedAt, .descending).limit(limit).all()
    }

    /// The content language with a code, if publications may be written in it.
    func language(_ code: String, on db: any Database) async throws -> ContentLanguage? {
        try await ContentLanguage.find(code, on: db)
    }

    /// The about page's text in every language.
    func about(on db: any Database) async throws -> Translations {
        try await SitePage.find("about", on: db).map { try JSONDecoder().decode(Translations.self, from: $0.content) } ?? Translations()
    }

    /// Replaces the about page's texts.
    func saveAbout(_ texts: Translations, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws {
        let record =
            try await SitePage.find("about", on: db)
            ?? {
                let page = SitePage()
                page.id = "about"
                return page
            }()
        record.content = try JSONEncoder().encode(texts)
        record.updatedAt = now
        try await audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await audit.append(actor: staff.actor, action: "site.about", table: SitePage.schema, id: "about")
        }
        publicPages.invalidate()
    }

    /// The problems of a new content language (code like `uk` or `pt-br`, not yet present; a name of 1–60 characters).
    func problems(ofLanguage code: String, name: String, on db: any Database) async throws -> [LanguageProblem] {
        var problems: [LanguageProblem] = []
        if code.wholeMatch(of: #/[a-z]{2,3}(-[a-z0-9]{2,8})?/#) == nil {
            problems.append(.invalidCode)
        } else if try await ContentLanguage.find(code, on: db) != nil {
            problems.append(.exists)
        }
        if name.isEmpty || name.count > 60 { problems.append(.invalidName) }
        return problems
    }

    /// Adds a content language after the others; the caller has checked `problems(ofLanguage:name:)`.
    func addLanguage(code: String, name: String, by staff: SignedInStaff, on db: any Database) async throws {
        try await audit.transaction(on: db) { tx, audit in
            let position = (try await ContentLanguage.query(on: tx).max(\.$position) ?? 0) + 1
            try await ContentLanguage(code: code, name: name, position: position).create(on: tx)
            try await audit.append(actor: staff.actor, action: "site.language", table: ContentLanguage.schema, id: code)
        }
    }
}
