import Fluent
import Foundation
import HavenDomain
import SQLKit

/// Published publications for the public site: public (published, from their moment on), newest first, a page at a
/// time. Pages have "newer" and "older" links rather than a total, so a list costs one indexed walk.
enum PublicationQuery {
    /// One page, and whether an older page exists.
    static func published(_ filter: PublicationFilter, now: Date = Date(), on db: any Database) async throws -> (
        rows: [Publication], hasMore: Bool
    ) {
        let sql = db as! any SQLDatabase
        var conditions: [SQLQueryString] = ["publications.status = 'published'", "publications.published_at <= \(bind: now)"]
        if let kind = filter.kind { conditions.append("publications.kind = \(bind: kind.rawValue)") }
        if let country = filter.country { conditions.append("publications.countries LIKE \(bind: "%," + country + ",%")") }
        if let category = filter.category { conditions.append("publications.categories LIKE \(bind: "%," + category + ",%")") }
        if let language = filter.language { conditions.append("publications.languages LIKE \(bind: "%," + language + ",%")") }
        if let words = SearchIndex(db, table: "publication_search").textCondition("publications", matching: filter.text) {
            conditions.append(words)
        }
        let page = max(1, min(filter.page, 5_000))
        let query: SQLQueryString =
            "SELECT publications.id FROM publications WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY publications.date DESC, publications.published_at DESC, publications.seq DESC LIMIT \(literal: PublicationFilter.pageSize + 1) OFFSET \(literal: (page - 1) * PublicationFilter.pageSize)"
        let ids = try await sql.raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
        let found = Dictionary(
            try await Publication.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = ids.prefix(PublicationFilter.pageSize).compactMap { found[$0] }
        return (rows, ids.count > PublicationFilter.pageSize)
    }
}
