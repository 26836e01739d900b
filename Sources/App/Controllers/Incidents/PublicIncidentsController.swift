import HavenDomain
import Vapor

/// `/incidents`: the public site's projection of public incidents: no person, no exact place, nothing restricted.
struct PublicIncidentsController: RouteCollection {
    /// The public list's query.
    struct ListQuery: Content {
        var country: String?
        var heading: String?
        var year: String?
        var page: PageNumber?

        /// The filters that name something real; anything else is left out, never an error.
        var filter: IncidentFilter {
            var filter = IncidentFilter()
            filter.onlyPublic = true
            filter.country = country.flatMap { Country(code: $0.uppercased())?.code } ?? ""
            filter.heading = heading.flatMap { AnnualReviewHeading(rawValue: $0)?.rawValue } ?? ""
            if let year, year.count == 4, let number = Int(year), (1900...2100).contains(number) {
                filter.from = year
                filter.to = year
            }
            filter.page = page?.value ?? 1
            return filter
        }
    }

    /// Source kinds the public may see; testimonies and court papers can name people.
    static let publicSourceKinds: Set<SourceKind> = [.news, .report]

    func boot(routes: any RoutesBuilder) throws {
        routes.get("incidents", use: list)
        routes.get("incidents", ":code", use: show)
    }

    @Sendable func list(req: Request) async throws -> Response {
        // No word search: the index holds the text staff wrote, and matching it would tell a visitor which incident
        // mentions a name they guess. The public list filters by structured fields only.
        let filter = try req.query.decode(ListQuery.self).filter
        let (result, types) = try await req.haven.incidents.list(filter, on: req.db)
        let page = filter.boundedPage
        let link = { (page: Int) in
            var items = [URLQueryItem]()
            if !filter.country.isEmpty { items.append(.init(name: "country", value: filter.country)) }
            if !filter.heading.isEmpty { items.append(.init(name: "heading", value: filter.heading)) }
            if !filter.from.isEmpty { items.append(.init(name: "year", value: filter.from)) }
            items.append(.init(name: "page", value: String(page)))
            var components = URLComponents()
            components.path = "/incidents"
            components.queryItems = items
            return components.string ?? "/incidents"
        }
        let language = req.publicLanguage
        let titles = try await req.haven.incidents.publicTitles(of: result.rows.map(\.seq), on: req.db)
        return try await req.render(
            PublicIncidentListPage(
                chrome: Self.chrome(req, titleKey: "public_incidents_title"),
                countries: [Choice(code: "", name: "—")]
                    + Country.all.map { Choice(code: $0.code, name: $0.name(language), isChosen: $0.code == filter.country) }
                    .sorted { $0.name < $1.name },
                headings: [Choice(code: "", name: "—")]
                    + AnnualReviewHeading.allCases.map {
                        Choice(code: $0.rawValue, name: $0.label(language), isChosen: $0.rawValue == filter.heading)
                    },
                year: filter.from,
                rows: IncidentPageBuilder(req).publicRows(result.rows, types: types, titles: titles, language: language),
                total: result.total,
                previousPage: page > 1 ? link(page - 1) : nil, nextPage: filter.hasPage(after: result.total) ? link(page + 1) : nil))
    }

    /// The public site's chrome: no session is started and no cookie set for a reader of the public site.
    static func chrome(_ req: Request, titleKey: String) -> PageChrome {
        let language = req.publicLanguage
        return .publicSite(for: req, title: req.haven.localization.string(titleKey, language), language: language)
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard
            let incident = try await req.haven.incidents.publicView(
                code: req.parameters.get("code"), sourceKinds: Self.publicSourceKinds,
                on: req.db)
        else { throw Abort(.notFound) }
        return try await req.render(try await Self.projection(of: incident, req: req))
    }

    /// The public projection's page; built from `PublicIncident`, which holds no sealed field and no person.
    static func projection(of incident: PublicIncident, req: Request) async throws -> PublicIncidentPage {
        let record = incident.record
        let builder = IncidentPageBuilder(req)
        let terms = builder.terms
        let narrative = incident.narrative
        let dates = IncidentPageBuilder.dates(record.startDate, record.endDate)
        let countryName = Country(code: record.country)?.name(req.language) ?? record.country
        let typeNames = builder.typeNames(incident.types)
        // Only the texts written for publication and the structured fields: the title and description were written
        // for staff and may name the victims.
        let language = req.publicLanguage.rawValue
        let summaries = narrative.publicSummary?.values ?? [:]
        let summaryLanguage = [language, "en"].first { summaries[$0] != nil } ?? summaries.keys.sorted().first
        let names = try await req.haven.publishing.languages(on: req.db)
        return PublicIncidentPage(
            chrome: chrome(req, titleKey: "public_incident_title"), code: record.code,
            title: narrative.publicTitle?.values[language]
                ?? IncidentPageBuilder.publicTitle(typeNames: typeNames, countryName: countryName, dates: dates),
            summary: summaryLanguage.flatMap { summaries[$0] } ?? "",
            summaryLanguage: summaryLanguage == language ? nil : summaryLanguage,
            summaryLanguageName: names.first { $0.id == summaryLanguage }?.name ?? summaryLanguage ?? "",
            dates: dates,
            countryName: countryName,
            place: [narrative.city, narrative.region].filter { !$0.isEmpty }.joined(separator: ", "),
            typeNames: typeNames, counts: builder.counts(record),
            violationStatusName: builder.label(terms.violationStatuses, record.violationStatus),
            acts: incident.acts.map { act in
                .init(
                    typeName: builder.label(terms.incidentTypes, act.type), date: act.date,
                    statusName: builder.label(terms.actStatuses, act.status),
                    perpetratorTypeName: builder.label(terms.perpetratorTypes, act.perpetratorType))
            },
            sources: incident.sources.map { builder.sourceView($0.id, $0.draft) })
    }
}
