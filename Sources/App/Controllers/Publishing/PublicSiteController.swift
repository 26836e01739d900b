import Foundation
import HavenDomain
import Vapor

/// The public site: home, lists by kind, country, category and language, publications in each language, search and
/// the about page. No session, no form token, nothing personal: every page comes from `PublicPages`.
struct PublicSiteController: RouteCollection {
    /// A list page's query.
    struct ListQuery: Content {
        var page: PageNumber?
        var q: String?
        var lang: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        for kind in PublicationKind.allCases {
            routes.get(PathComponent(stringLiteral: kind.pathSegment)) { req in
                try await self.list(req, filter: PublicationFilter(kind: kind), intro: req.t(kind.labelKey))
            }
        }
        routes.get("countries", ":code", use: byCountry)
        routes.get("categories", ":heading", use: byCategory)
        routes.get("languages", ":language", use: byLanguage)
        routes.get("search", use: search)
        routes.get("p", ":slug", use: publication)
        routes.get("p", ":slug", ":language", use: publication)
        routes.get("about", use: about)
        routes.get("site", "logo", ":tag", use: logo)
    }

    /// `/site/logo/<tag>`: the logo, cached for a year (a new logo has a new tag, so a new address).
    @Sendable func logo(req: Request) async throws -> Response {
        guard let current = req.haven.siteIdentity.logo, req.parameters.get("tag") == current.tag else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: current.logo.bytes))
        response.headers.replaceOrAdd(name: .contentType, value: current.logo.mediaType)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(current.tag)\"")
        return response
    }

    /// The home page; while Haven is not set up yet, the setup page instead (there is nothing to show).
    @Sendable func home(req: Request) async throws -> Response {
        if req.haven.setupCode != nil { return req.seeOther("/setup") }
        return try await list(req, filter: PublicationFilter(), intro: "", isHome: true)
    }

    @Sendable func byCountry(req: Request) async throws -> Response {
        guard let country = req.parameters.get("code").flatMap(Country.init(code:)) else { throw Abort(.notFound) }
        return try await list(req, filter: PublicationFilter(country: country.code), intro: country.name(req.publicLanguage))
    }

    @Sendable func byCategory(req: Request) async throws -> Response {
        guard let heading = req.parameters.get("heading").flatMap(AnnualReviewHeading.init(rawValue:)) else { throw Abort(.notFound) }
        return try await list(req, filter: PublicationFilter(category: heading.rawValue), intro: heading.label(req.publicLanguage))
    }

    @Sendable func byLanguage(req: Request) async throws -> Response {
        guard let code = req.parameters.get("language"), let language = try await req.haven.publishing.language(code, on: req.db) else {
            throw Abort(.notFound)
        }
        return try await list(req, filter: PublicationFilter(language: code), intro: language.name)
    }

    @Sendable func search(req: Request) async throws -> Response {
        let text = String(((try? req.query.get(String.self, at: "q")) ?? "").prefix(200))
        return try await list(req, filter: PublicationFilter(text: text), intro: "", isSearch: true)
    }

    func list(_ req: Request, filter: PublicationFilter, intro: String, isHome: Bool = false, isSearch: Bool = false) async throws
        -> Response
    {
        let language = req.publicLanguage
        var filter = filter
        filter.page = (try? req.query.decode(ListQuery.self))?.page?.value ?? 1
        let chosenLanguage = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
        // The page depends on these values only; other query parameters do not make another cached page.
        let variant = "page=\(filter.page)&q=\(filter.text)&lang=\(chosenLanguage?.rawValue ?? "")"
        return try await req.haven.publicPages.respond(to: req, language: language.rawValue, variant: variant) { [filter] in
            let found: (rows: [ListedPublication], hasMore: Bool) =
                isSearch && filter.text.isEmpty
                ? ([], false)
                : try await req.haven.publishing.published(filter, on: req.db)
            let rows = found.rows.map { listed in
                Self.row(
                    listed, req: req, language: language, preferred: filter.language ?? Self.matchedLanguage(listed, filter.text, language))
            }
            let link = { (page: Int) in
                req.url.path + "?"
                    + [
                        isSearch ? "q=" + (filter.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : nil,
                        "page=\(page)", chosenLanguage.map { "lang=" + $0.rawValue },
                    ].compactMap { $0 }.joined(separator: "&")
            }
            let title =
                isHome
                ? req.haven.localization.string("site_home_title", language)
                : isSearch ? req.haven.localization.string("site_search", language) : intro
            let page = PublicListPage(
                chrome: .publicSite(for: req, title: title, language: language), intro: intro, rows: rows,
                newerPage: filter.page > 1 ? link(filter.page - 1) : nil, olderPage: found.hasMore ? link(filter.page + 1) : nil,
                feedPath: isSearch ? nil : (req.url.path == "/" ? "" : req.url.path) + "/feed.atom", text: filter.text, isSearch: isSearch,
                isHome: isHome)
            return (try await req.view.render(PublicListPage.template, page).data, .html)
        }
    }

    /// The translation a search found a publication by: the reader's language when it matches, else the first
    /// language (the original first) whose title, summary and body hold every query word; nil outside search.
    static func matchedLanguage(_ listed: ListedPublication, _ text: String, _ reader: Language) -> String? {
        guard !text.isEmpty else { return nil }
        let content = listed.content
        let original = listed.record.originalLanguage
        let candidates = [reader.rawValue, original] + content.title.languages.sorted()
        return candidates.first { code in
            guard let title = content.title.values[code] else { return false }
            let texts = [title, content.summary.values[code] ?? "", content.body.values[code] ?? ""]
            return SearchText.matches(texts.joined(separator: " "), query: text)
        }
    }

    /// A list row in the language asked for when the publication has it, else its original.
    static func row(_ listed: ListedPublication, req: Request, language: Language, preferred: String? = nil) -> PublicationRow {
        let publication = listed.record
        let content = listed.content
        let wanted = preferred ?? language.rawValue
        let title = content.title.text(in: wanted, original: publication.originalLanguage)
        let shown = title.isFallback ? publication.originalLanguage : wanted
        return PublicationRow(
            path: "/p/\(publication.slug)" + (shown == publication.originalLanguage ? "" : "/\(shown)"), title: title.text,
            summary: content.summary.text(in: shown, original: publication.originalLanguage).text, date: publication.date,
            kindName: req.haven.localization.string(publication.kind.labelKey, language), language: shown)
    }

    /// A publication in one language. The cache is asked first: a page already rendered costs no database query.
    @Sendable func publication(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("slug") else { throw Abort(.notFound) }
        let asked = req.parameters.get("language")
        let chosen = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
        let language = chosen ?? asked.flatMap(Language.init(rawValue:)) ?? req.language
        return try await req.haven.publicPages.respond(to: req, language: language.rawValue, variant: "lang=\(chosen?.rawValue ?? "")") {
            let publishing = req.haven.publishing
            guard let opened = try await publishing.publicPublication(slug: slug, on: req.db) else { throw Abort(.notFound) }
            // A shared link without a language opens in the reader's language (chosen, else the browser's) when the
            // publication has it, else in its original.
            let contentLanguage =
                asked ?? (opened.content.title.values[language.rawValue] != nil ? language.rawValue : opened.record.originalLanguage)
            guard try await publishing.language(contentLanguage, on: req.db) != nil else { throw Abort(.notFound) }
            let shown = asked == nil ? chosen ?? Language(rawValue: contentLanguage) ?? language : language
            let page = try await Self.page(opened, contentLanguage: contentLanguage, language: shown, req: req)
            return (try await req.view.render(PublicationPublicPage.template, page).data, .html)
        }
    }

    static func page(_ opened: OpenedPublication, contentLanguage: String, language: Language, req: Request) async throws
        -> PublicationPublicPage
    {
        let record = opened.record
        let content = opened.content
        let original = record.originalLanguage
        let linked = opened.incidents.filter { $0.confidentiality == .public }
        let linkedTypes = try await req.haven.incidents.types(of: linked.map(\.seq), on: req.db)
        let linkedTitles = try await req.haven.incidents.publicTitles(of: linked.map(\.seq), on: req.db)
        let builder = IncidentPageBuilder(req)
        let title = content.title.text(in: contentLanguage, original: original)
        let summary = content.summary.text(in: contentLanguage, original: original)
        let names = Dictionary(
            try await req.haven.publishing.languages(on: req.db).map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let t = { (key: String) in req.haven.localization.string(key, language) }
        let versions = content.title.languages.sorted { (names[$0] ?? $0) < (names[$1] ?? $1) }.map { code in
            PublicationPublicPage.Version(
                name: names[code] ?? code, path: "/p/\(record.slug)" + (code == original ? "" : "/\(code)"), code: code,
                isCurrent: code == contentLanguage)
        }
        return PublicationPublicPage(
            chrome: .publicSite(for: req, title: title.text, language: language),
            contentLanguage: title.isFallback ? original : contentLanguage,
            title: title.text, summary: summary.text, summaryLanguage: summary.isFallback && !title.isFallback ? original : nil,
            markup: Markup.document(content.body.text(in: contentLanguage, original: original).text), isFallback: title.isFallback,
            originalName: names[original] ?? original, date: record.date, kindName: t(record.kind.labelKey),
            kindPath: "/" + record.kind.pathSegment,
            countries: Publication.codes(record.countries).compactMap(Country.init(code:)).map {
                Choice(code: $0.code, name: $0.name(language))
            },
            categories: Publication.codes(record.categories).compactMap(AnnualReviewHeading.init(rawValue:)).map {
                Choice(code: $0.rawValue, name: $0.label(language))
            },
            versions: versions, signatories: opened.signatories, signatoryCount: opened.signatories.count, venue: content.venue,
            participants: content.participants.map(String.init) ?? "",
            incidents: linked.map { incident in
                .init(
                    code: incident.code,
                    title: linkedTitles[incident.seq]?.values[language.rawValue]
                        ?? IncidentPageBuilder.publicTitle(
                            typeNames: builder.typeNames(linkedTypes[incident.seq] ?? []),
                            countryName: Country(code: incident.country)?.name(language) ?? incident.country,
                            dates: IncidentPageBuilder.dates(incident.startDate, incident.endDate)))
            })
    }

    @Sendable func about(req: Request) async throws -> Response {
        let language = req.publicLanguage
        return try await req.haven.publicPages.respond(to: req, language: language.rawValue) {
            let texts = try await req.haven.publishing.about(on: req.db)
            let text = texts.text(in: language.rawValue, original: "en").text
            let page = AboutPublicPage(
                chrome: .publicSite(for: req, title: req.haven.localization.string("site_about", language), language: language),
                markup: Markup.document(text))
            return (try await req.view.render(AboutPublicPage.template, page).data, .html)
        }
    }
}
