import HavenDomain
import Vapor

/// `/incidents`: the public site's projection of public incidents: no person, no exact place, nothing restricted.
struct PublicIncidentsController: RouteCollection {
    /// The public list's query.
    struct ListQuery: Content {
        var q: String?
        var page: PageNumber?
    }

    /// Source kinds the public may see; testimonies and court papers can name people.
    static let publicSourceKinds: Set<SourceKind> = [.news, .report]

    func boot(routes: any RoutesBuilder) throws {
        routes.get("incidents", use: list)
        routes.get("incidents", ":code", use: show)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let query = try req.query.decode(ListQuery.self)
        var filter = IncidentFilter()
        filter.onlyPublic = true
        // No words: the index holds the text staff wrote, and matching it would tell a visitor which incident mentions
        // a name they guess. The public list filters by structured fields only.
        filter.text = ""
        _ = query.q
        filter.page = query.page?.value ?? 1
        let (result, types) = try await req.haven.incidents.list(filter, on: req.db)
        let page = filter.boundedPage
        let link = { (page: Int) in
            "/incidents?"
                + (filter.text.isEmpty ? "" : "q=\(filter.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&")
                + "page=\(page)"
        }
        return try await req.render(
            PublicIncidentListPage(
                chrome: Self.chrome(req, titleKey: "public_incidents_title"), text: filter.text,
                rows: IncidentPageBuilder(req).publicRows(result.rows, types: types), total: result.total,
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
        return try await req.render(Self.projection(of: incident, req: req))
    }

    /// The public projection's page; built from `PublicIncident`, which holds no sealed field and no person.
    static func projection(of incident: PublicIncident, req: Request) -> PublicIncidentPage {
        let record = incident.record
        let builder = IncidentPageBuilder(req)
        let terms = builder.terms
        let narrative = incident.narrative
        let dates = IncidentPageBuilder.dates(record.startDate, record.endDate)
        let countryName = Country(code: record.country)?.name(req.language) ?? record.country
        let typeNames = builder.typeNames(incident.types)
        // Only structured fields: the title and description were written for staff and may name the victims.
        return PublicIncidentPage(
            chrome: chrome(req, titleKey: "public_incident_title"), code: record.code,
            title: IncidentPageBuilder.publicTitle(typeNames: typeNames, countryName: countryName, dates: dates), dates: dates,
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
