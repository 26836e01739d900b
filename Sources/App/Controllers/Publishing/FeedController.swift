import Crypto
import Foundation
import HavenDomain
import Vapor

/// Atom 1.0 feeds of published publications (all, per kind, country, category and language) and the sitemap.
/// Links are relative to `HAVEN_PUBLIC_URL` when it is set (`xml:base`), never to the request's Host header, because
/// feeds are cached for everyone.
struct FeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("feed.atom") { req in try await self.feed(req, filter: PublicationFilter(), title: "site_feed_all") }
        for kind in PublicationKind.allCases {
            routes.get(PathComponent(stringLiteral: kind.pathSegment), "feed.atom") { req in
                try await self.feed(req, filter: PublicationFilter(kind: kind), title: kind.labelKey)
            }
        }
        routes.get("countries", ":code", "feed.atom") { req in
            guard let country = req.parameters.get("code").flatMap(Country.init(code:)) else { throw Abort(.notFound) }
            return try await self.feed(
                req, filter: PublicationFilter(country: country.code), title: "site_feed_all", subtitle: country.name(.en))
        }
        routes.get("categories", ":heading", "feed.atom") { req in
            guard let heading = req.parameters.get("heading").flatMap(AnnualReviewHeading.init(rawValue:)) else { throw Abort(.notFound) }
            return try await self.feed(
                req, filter: PublicationFilter(category: heading.rawValue), title: "site_feed_all", subtitle: heading.label(.en))
        }
        routes.get("languages", ":language", "feed.atom") { req in
            guard let code = req.parameters.get("language"), let language = try await req.haven.publishing.language(code, on: req.db) else {
                throw Abort(.notFound)
            }
            return try await self.feed(req, filter: PublicationFilter(language: code), title: "site_feed_all", subtitle: language.name)
        }
        routes.get("sitemap.xml", use: sitemap)
    }

    /// A stable entry id: the publication's UUID for its original language, a name-based one for each translation.
    static func entryID(_ publication: Publication, language: String) -> String {
        guard let id = publication.id else { return "" }
        if language == publication.originalLanguage { return "urn:uuid:" + id.uuidString.lowercased() }
        var bytes = Array(SHA256.hash(data: Data((id.uuidString + "/" + language).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [
            hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20),
        ]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// An entry's `<published>`: the publication's own date (the day it speaks of), at midnight UTC; the moment it went
    /// public only when the date is somehow not a day.
    static func published(_ publication: Publication) -> String {
        if let day = Day.parts(publication.date) { return String(format: "%04d-%02d-%02dT00:00:00Z", day.year, day.month, day.day) }
        return timestamp(publication.publishedAt ?? publication.updatedAt)
    }

    func feed(_ req: Request, filter: PublicationFilter, title key: String, subtitle: String? = nil) async throws -> Response {
        try await req.haven.publicPages.respond(to: req, language: "feed") {
            let rows = try await req.haven.publishing.published(filter, on: req.db).rows
            let base = req.haven.configuration.publicURL?.absoluteString
            let organisation = try await req.haven.setup.organisationName(on: req.db)
            let title = req.haven.localization.string(key, .en) + (subtitle.map { " — " + $0 } ?? "")
            let esc = { (text: String) in Markup.escape(text) }
            var xml =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
                + (base.map { " xml:base=\"\(esc($0))\"" } ?? "") + ">\n"
            xml += "<id>urn:haven:feed:\(esc(req.url.path))</id>\n<title>\(esc(organisation)) — \(esc(title))</title>\n"
            xml += "<updated>\(Self.timestamp(rows.map(\.record.updatedAt).max() ?? Date(timeIntervalSince1970: 0)))</updated>\n"
            xml +=
                "<link rel=\"self\" href=\"\(esc(req.url.path))\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(esc(String(req.url.path.dropLast("/feed.atom".count)).isEmpty ? "/" : String(req.url.path.dropLast("/feed.atom".count))))\"/>\n"
            xml += "<author><name>\(esc(organisation))</name></author>\n"
            for listed in rows {
                let publication = listed.record
                let content = listed.content
                let language = filter.language.flatMap { content.title.values[$0] != nil ? $0 : nil } ?? publication.originalLanguage
                let path = "/p/\(publication.slug)" + (language == publication.originalLanguage ? "" : "/\(language)")
                xml += "<entry xml:lang=\"\(esc(language))\">\n<id>\(Self.entryID(publication, language: language))</id>\n"
                xml += "<title>\(esc(content.title.text(in: language, original: publication.originalLanguage).text))</title>\n"
                xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(esc(path))\"/>\n"
                xml +=
                    "<published>\(Self.published(publication))</published>\n<updated>\(Self.timestamp(publication.updatedAt))</updated>\n"
                xml += "<category term=\"\(esc(publication.kind.rawValue))\"/>\n"
                let summary = content.summary.text(in: language, original: publication.originalLanguage).text
                if !summary.isEmpty { xml += "<summary>\(esc(summary))</summary>\n" }
                xml +=
                    "<content type=\"html\">\(esc(Markup.html(content.body.text(in: language, original: publication.originalLanguage).text)))</content>\n</entry>\n"
            }
            xml += "</feed>\n"
            return (ByteBuffer(string: xml), HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"]))
        }
    }

    /// The sitemap: the lists and the latest 45,000 publications in each of their languages (within the 50,000 limit).
    /// A sitemap needs absolute addresses, so without `HAVEN_PUBLIC_URL` there is none (the server warns at start).
    @Sendable func sitemap(req: Request) async throws -> Response {
        guard let publicURL = req.haven.configuration.publicURL else { throw Abort(.notFound) }
        return try await req.haven.publicPages.respond(to: req, language: "sitemap") {
            let base = publicURL.absoluteString.hasSuffix("/") ? String(publicURL.absoluteString.dropLast()) : publicURL.absoluteString
            var paths = ["/", "/about", "/incidents"] + PublicationKind.allCases.map { "/" + $0.pathSegment }
            let publications = try await req.haven.publishing.sitemapEntries(limit: 45_000, on: req.db)
            for publication in publications {
                for language in Publication.codes(publication.languages) {
                    paths.append("/p/\(publication.slug)" + (language == publication.originalLanguage ? "" : "/\(language)"))
                }
            }
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in paths.prefix(50_000) { xml += "<url><loc>\(Markup.escape(base + path))</loc></url>\n" }
            xml += "</urlset>\n"
            return (ByteBuffer(string: xml), HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"]))
        }
    }
}
