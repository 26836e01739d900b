import Crypto
import Foundation
import HavenDomain

/// An incident opened for one reader.
struct OpenedIncident: Sendable {
    /// A person an act names: their code and name, opened with the documentation key.
    struct NamedPerson: Sendable {
        let code: String
        let name: String
    }

    /// One act with its persons.
    struct OpenedAct: Sendable {
        let id: UUID
        let details: ActDetails
        let victim: NamedPerson?
        let perpetrator: NamedPerson?
    }

    let record: Incident
    let narrative: IncidentNarrative
    let types: [String]
    let acts: [OpenedAct]
    let sources: [(id: UUID, draft: SourceDraft)]
    /// The keys it was opened with.
    let keys: DocumentationKeys

    /// The incident as the edit form shows it (persons by code).
    var draft: IncidentDraft {
        var draft = IncidentDraft()
        draft.title = narrative.title
        draft.description = narrative.description
        draft.region = narrative.region
        draft.city = narrative.city
        draft.placeDetail = narrative.placeDetail
        draft.publicTitle = narrative.publicTitle?.nonEmpty
        draft.publicSummary = narrative.publicSummary?.nonEmpty
        draft.startDate = record.startDate
        draft.endDate = record.endDate ?? ""
        draft.country = record.country
        draft.types = types
        draft.victims = record.victims.map(String.init) ?? ""
        draft.participants = record.participants.map(String.init) ?? ""
        draft.detainees = record.detainees.map(String.init) ?? ""
        draft.violationStatus = record.violationStatus
        draft.reliability = record.reliability
        draft.verification = record.verification
        draft.confidentiality = record.confidentiality
        draft.acts = acts.map { act in
            var row = ActDraft()
            row.id = act.id.uuidString
            row.victim = act.victim?.code ?? ""
            row.type = act.details.type
            row.date = act.details.date
            row.placeType = act.details.placeType
            row.status = act.details.status
            row.consequences = act.details.consequences
            row.perpetrator = act.perpetrator?.code ?? ""
            row.perpetratorType = act.details.perpetratorType
            row.degree = act.details.degree
            return row
        }
        draft.sources = sources.map { source in
            var row = source.draft
            row.id = source.id.uuidString
            return row
        }
        return draft
    }
}
