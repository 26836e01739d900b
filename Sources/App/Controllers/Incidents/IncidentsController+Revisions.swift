import HavenDomain
import Vapor

/// An incident's revision history: who changed which fields when, and the values before.
extension IncidentsController {
    @Sendable func revisions(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req)
        let builder = IncidentPageBuilder(req, staff: staff)
        let names = try await req.haven.colleagues.names(for: staff, on: req.db)
        let revisions = try await req.haven.incidents.revisions(of: record, keys: keys, for: staff, on: req.db).map { revision in
            IncidentRevisionsPage.Revision(
                changedAt: req.moment(revision.changedAt), actor: names.name(of: revision.actorID),
                changes: revision.changedFields.map { field in
                    .init(
                        field: req.t("incident_field_\(field)"),
                        before: revision.previous.map { before(field, in: $0, builder: builder) } ?? req.t("incident_revision_sealed"))
                })
        }
        return try await req.render(
            IncidentRevisionsPage(
                chrome: await .make(for: req, titleKey: "incident_revisions_title"), code: record.code,
                revisions: revisions))
    }

    /// A field's earlier value as text.
    private func before(_ field: String, in draft: IncidentDraft, builder: IncidentPageBuilder) -> String {
        let terms = builder.terms
        switch field {
        case "title": return draft.title
        case "description": return draft.description
        case "startDate": return draft.startDate
        case "endDate": return draft.endDate
        case "country": return Country(code: draft.country)?.name(builder.req.language) ?? draft.country
        case "region": return draft.region
        case "city": return draft.city
        case "placeDetail": return draft.placeDetail
        case "types": return builder.typeNames(draft.types).joined(separator: "; ")
        case "victims": return draft.victims
        case "participants": return draft.participants
        case "detainees": return draft.detainees
        case "violationStatus": return builder.label(terms.violationStatuses, draft.violationStatus)
        case "reliability": return builder.label(terms.reliabilities, draft.reliability)
        case "verification": return builder.req.t(draft.verification.labelKey)
        case "confidentiality": return builder.req.t(draft.confidentiality.labelKey)
        case "acts":
            return draft.filledActs.map {
                "\($0.victim): \(builder.label(terms.incidentTypes, $0.type)) \($0.date)".trimmingCharacters(in: .whitespaces)
            }
            .joined(separator: "; ")
        case "sources": return draft.filledSources.map(\.title).joined(separator: "; ")
        default: return ""
        }
    }
}
