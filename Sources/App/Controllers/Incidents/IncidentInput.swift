import HavenDomain
import Vapor

/// What the one-flow incident form posts. Rows arrive as `acts[0][victim]`, `sources[1][title]` …
struct IncidentInput: Content {
    /// One act row as posted; `victimChoice` and `perpetratorChoice` answer an offer of recorded persons (a code or `new`).
    struct ActInput: Content {
        var id, victim, victimChoice, type, date, placeType, status, consequences: String?
        var perpetrator, perpetratorChoice, perpetratorType, degree: String?
    }

    /// One source row as posted.
    struct SourceInput: Content {
        var id, kind, title, url, publishedOn, reliability, connection: String?
    }

    var title, description, startDate, endDate, country, region, city, placeDetail: String?
    var types: [String]?
    var victims, participants, detainees, violationStatus, reliability, verification, confidentiality: String?
    /// The public title and summary, one per content language (`publicTitle[ru]`).
    var publicTitle, publicSummary: [String: String]?
    /// Ticked when the words flagged as persons' names in the public texts are not about a person.
    var publicTextChecked: String?
    var acts: [String: ActInput]?
    var sources: [String: SourceInput]?
    /// `act` or `source`: add an empty row and show the form again, saving nothing.
    var more: String?

    /// Act rows in the order of their indexes.
    var orderedActs: [ActInput] { ordered(acts) }
    var orderedSources: [SourceInput] { ordered(sources) }

    private func ordered<T>(_ rows: [String: T]?) -> [T] {
        (rows ?? [:]).compactMap { key, value in Int(key).map { ($0, value) } }.sorted { $0.0 < $1.0 }.prefix(50).map(\.1)
    }

    /// The draft as typed (trimmed where spaces cannot matter).
    var draft: IncidentDraft {
        var draft = IncidentDraft()
        draft.title = title ?? ""
        draft.description = description ?? ""
        draft.startDate = (startDate ?? "").trimmingCharacters(in: .whitespaces)
        draft.endDate = (endDate ?? "").trimmingCharacters(in: .whitespaces)
        draft.country = (country ?? "").uppercased()
        draft.region = region ?? ""
        draft.city = city ?? ""
        draft.placeDetail = placeDetail ?? ""
        draft.types = Array(Set(types ?? [])).sorted()
        draft.victims = victims ?? ""
        draft.participants = participants ?? ""
        draft.detainees = detainees ?? ""
        draft.violationStatus = violationStatus ?? "unknown"
        draft.reliability = reliability ?? "unknown"
        draft.verification = verification.flatMap(VerificationStatus.init(rawValue:)) ?? .unverified
        draft.confidentiality = confidentiality.flatMap(Confidentiality.init(rawValue:)) ?? .internal
        draft.publicTitle = Translations((publicTitle ?? [:]).mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }).nonEmpty
        draft.publicSummary = Translations((publicSummary ?? [:]).mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }).nonEmpty
        draft.acts = orderedActs.map { input in
            var act = ActDraft()
            act.id = input.id ?? ""
            act.victim = (input.victim ?? "").trimmingCharacters(in: .whitespaces)
            act.type = input.type ?? ""
            act.date = (input.date ?? "").trimmingCharacters(in: .whitespaces)
            act.placeType = input.placeType ?? ""
            act.status = input.status ?? ""
            act.consequences = input.consequences ?? ""
            act.perpetrator = (input.perpetrator ?? "").trimmingCharacters(in: .whitespaces)
            act.perpetratorType = input.perpetratorType ?? ""
            act.degree = input.degree ?? ActDraft().degree
            return act
        }
        draft.sources = orderedSources.map { input in
            var source = SourceDraft()
            source.id = input.id ?? ""
            source.kind = input.kind.flatMap(SourceKind.init(rawValue:)) ?? .news
            source.title = input.title ?? ""
            source.url = (input.url ?? "").trimmingCharacters(in: .whitespaces)
            source.publishedOn = (input.publishedOn ?? "").trimmingCharacters(in: .whitespaces)
            source.reliability = input.reliability ?? "unknown"
            source.connection = input.connection ?? ""
            return source
        }
        return draft
    }
}
