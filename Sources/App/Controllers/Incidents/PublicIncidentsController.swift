import Fluent
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

    @Sendable func list(req: Request) async throws -> View {
        let query = try req.query.decode(ListQuery.self)
        var filter = IncidentFilter()
        filter.onlyPublic = true
        filter.text = String((query.q ?? "").prefix(200))
        filter.page = query.page?.value ?? 1
        let result = try await IncidentQuery.run(filter, on: req.db)
        let rows = try await IncidentsController.rows(result.rows, req: req)
        let link = { (page: Int) in "/incidents?" + (filter.text.isEmpty ? "" : "q=\(filter.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&") + "page=\(page)" }
        return try await req.view.render("public-incidents", PublicIncidentListPage(
            chrome: Self.chrome(req, titleKey: "public_incidents_title"), text: filter.text, rows: rows, total: result.total,
            previousPage: filter.page > 1 ? link(filter.page - 1) : nil,
            nextPage: filter.hasPage(after: result.total) ? link(filter.page + 1) : nil))
    }

    /// The public site's chrome: no session is started and no cookie set for a reader of the public site.
    static func chrome(_ req: Request, titleKey: String) -> PageChrome {
        let language = PublicSiteController.language(req)
        return .publicSite(for: req, title: req.haven.localization.string(titleKey, language), language: language)
    }

    @Sendable func show(req: Request) async throws -> View {
        guard let code = req.parameters.get("code").flatMap({ RecordCode.normalized($0, prefix: "I") }),
              let record = try await Incident.find(on: req.db, code: code), record.confidentiality == .public else { throw Abort(.notFound) }
        return try await req.view.render("public-incident", try await Self.projection(of: record, req: req))
    }

    /// The public projection of a public incident; never reads a sealed field or a person.
    static func projection(of record: Incident, req: Request) async throws -> PublicIncidentPage {
        precondition(record.confidentiality == .public)
        let id = try record.requireID()
        let builder = IncidentPageBuilder(req)
        let terms = builder.terms
        let narrative = try StoredJSON.decode(IncidentNarrative.self, from: record.body, key: nil, binding: Incidents.narrativeBinding(id))
        let acts = try await Act.query(on: req.db).filter(\.$incident.$id == id).sort(\.$position).all().map { act in
            try StoredJSON.decode(ActDetails.self, from: act.details, key: nil, binding: Incidents.actBinding(act.requireID()))
        }
        let sources = try await IncidentSource.query(on: req.db).filter(\.$incident.$id == id).sort(\.$position).all().map { source in
            (try source.requireID(), try StoredJSON.decode(SourceDraft.self, from: source.details, key: nil, binding: Incidents.sourceBinding(source.requireID())))
        }.filter { publicSourceKinds.contains($0.1.kind) }
        return PublicIncidentPage(
            chrome: Self.chrome(req, titleKey: "public_incident_title"), code: record.code, title: narrative.title,
            description: narrative.description, dates: IncidentsController.dates(record.startDate, record.endDate),
            countryName: Country(code: record.country)?.name(req.language) ?? record.country,
            place: [narrative.city, narrative.region].filter { !$0.isEmpty }.joined(separator: ", "),
            typeNames: builder.typeNames(try await Incidents.types(of: [record.seq], on: req.db)[record.seq] ?? []), counts: builder.counts(record),
            violationStatusName: builder.label(terms.violationStatuses, record.violationStatus),
            acts: acts.map { act in
                .init(typeName: builder.label(terms.incidentTypes, act.type), date: act.date, statusName: builder.label(terms.actStatuses, act.status),
                      perpetratorTypeName: builder.label(terms.perpetratorTypes, act.perpetratorType))
            },
            sources: sources.map { builder.sourceView($0.0, $0.1) })
    }
}
