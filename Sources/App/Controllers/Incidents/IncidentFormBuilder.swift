import HavenDomain
import Vapor

/// Builds the one-flow form's page from a draft, its problems and the persons offered for typed names.
struct IncidentFormBuilder {
    let req: Request
    let terms: IncidentDraft.Terms

    init(_ req: Request) {
        self.req = req
        self.terms = req.haven.vocabularies.terms
    }

    /// Menu choices from a vocabulary: offered terms, plus a retired one when it is the current value.
    func choices(_ list: Vocabulary, chosen: String, blank: Bool = false) -> [Choice] {
        let language = req.language
        let offered = list.terms.filter { !$0.isRetired || $0.code == chosen }.map {
            Choice(code: $0.code, name: ($0.parent == nil ? "" : "— ") + $0.label(language), isChosen: $0.code == chosen)
        }
        return (blank ? [Choice(code: "", name: "—", isChosen: chosen.isEmpty)] : []) + offered
    }

    /// Countries sorted by name in the reader's language; `only` limits them to some codes (the list filter offers the
    /// countries incidents are recorded in).
    func countries(chosen: String, only codes: [String]? = nil, blank: Bool = true) -> [Choice] {
        let language = req.language
        let countries =
            codes.map { $0.compactMap { Country(code: $0) }.sorted { $0.name(language) < $1.name(language) } }
            ?? Country.sorted(for: language)
        return (blank ? [Choice(code: "", name: "—", isChosen: chosen.isEmpty)] : [])
            + countries.map { Choice(code: $0.code, name: $0.name(language), isChosen: $0.code == chosen) }
    }

    /// Incident type families with their types, chosen ones marked.
    func families(chosen: Set<String>) -> [TypeFamily] {
        let list = terms.incidentTypes
        return list.roots.filter { !$0.isRetired || chosen.contains($0.code) }.map { family in
            TypeFamily(
                code: family.code, name: family.label(req.language), isChosen: chosen.contains(family.code),
                types: list.children(of: family.code).filter { !$0.isRetired || chosen.contains($0.code) }.map {
                    Choice(code: $0.code, name: $0.label(req.language), isChosen: chosen.contains($0.code))
                })
        }
    }

    /// The page for a draft; `problems` by field name, `offers` by `acts.N.victim` / `acts.N.perpetrator`.
    func page(
        _ draft: IncidentDraft, problems: [String: IncidentDraft.Problem] = [:], offers: [String: [IncidentFormPage.PersonOffer]] = [:],
        action: String, isNew: Bool, titleKey: String
    ) async throws -> IncidentFormPage {
        func field(_ name: String, _ value: String) -> FieldState {
            FieldState(value: value, error: problems[name].map { req.t($0.messageKey) })
        }
        var page = IncidentFormPage(chrome: await .make(for: req, titleKey: titleKey), action: action, isNew: isNew)
        page.title = field("title", draft.title)
        page.description = field("description", draft.description)
        page.startDate = field("startDate", draft.startDate)
        page.endDate = field("endDate", draft.endDate)
        page.country = field("country", draft.country)
        page.countries = countries(chosen: draft.country)
        page.region = field("region", draft.region)
        page.city = field("city", draft.city)
        page.placeDetail = field("placeDetail", draft.placeDetail)
        page.families = families(chosen: Set(draft.types))
        page.typesError = problems["types"].map { req.t($0.messageKey) }
        page.victims = field("victims", draft.victims)
        page.participants = field("participants", draft.participants)
        page.detainees = field("detainees", draft.detainees)
        page.violationStatuses = choices(terms.violationStatuses, chosen: draft.violationStatus)
        page.reliabilities = choices(terms.reliabilities, chosen: draft.reliability)
        page.verifications = req.choices(VerificationStatus.self, chosen: [draft.verification.rawValue])
        page.confidentialities = req.choices(Confidentiality.self, chosen: [draft.confidentiality.rawValue])
        page.acts = draft.acts.enumerated().map { index, act in
            var row = IncidentFormPage.ActRow(index: index, number: index + 1, id: act.id)
            row.victim = field("acts.\(index).victim", act.victim)
            row.victimOffers = offers["acts.\(index).victim"] ?? []
            row.perpetrator = field("acts.\(index).perpetrator", act.perpetrator)
            row.perpetratorOffers = offers["acts.\(index).perpetrator"] ?? []
            row.hasVictimOffers = !row.victimOffers.isEmpty
            row.hasPerpetratorOffers = !row.perpetratorOffers.isEmpty
            row.type = field("acts.\(index).type", act.type)
            row.types = choices(terms.incidentTypes, chosen: act.type, blank: true)
            row.date = field("acts.\(index).date", act.date)
            row.placeTypes = choices(terms.placeTypes, chosen: act.placeType, blank: true)
            row.statuses = choices(terms.actStatuses, chosen: act.status, blank: true)
            row.consequences = field("acts.\(index).consequences", act.consequences)
            row.perpetratorTypes = choices(terms.perpetratorTypes, chosen: act.perpetratorType, blank: true)
            row.degrees = choices(terms.involvementDegrees, chosen: act.degree)
            let rowProblems = problems.filter { $0.key.hasPrefix("acts.\(index).") }
            if !rowProblems.isEmpty || !row.victimOffers.isEmpty || !row.perpetratorOffers.isEmpty {
                // Say which fields and why, so the row can be fixed without hunting for the problem.
                let reasons = rowProblems.sorted { $0.key < $1.key }.map { key, problem in
                    let field = String(key.dropFirst("acts.\(index).".count))
                    return req.t("incident_act_\(field)").replacingOccurrences(of: #" \(.*\)$"#, with: "", options: .regularExpression)
                        + ": " + req.t(problem.messageKey)
                }
                let offered = row.victimOffers.isEmpty && row.perpetratorOffers.isEmpty ? [] : [req.t("incident_act_problem_offers")]
                row.rowError = ([req.t("incident_act_problem")] + reasons + offered).joined(separator: " ")
            }
            return row
        }
        page.sources = draft.sources.enumerated().map { index, source in
            var row = IncidentFormPage.SourceRow(index: index, number: index + 1, id: source.id)
            row.title = field("sources.\(index).title", source.title)
            row.url = field("sources.\(index).url", source.url)
            row.publishedOn = field("sources.\(index).publishedOn", source.publishedOn)
            row.kinds = req.choices(SourceKind.self, chosen: [source.kind.rawValue])
            row.reliabilities = choices(terms.reliabilities, chosen: source.reliability)
            row.connections = choices(terms.sourceConnections, chosen: source.connection, blank: true)
            return row
        }
        page.publicTexts = try await req.haven.publishing.languages(on: req.db).map { language in
            let code = language.id ?? ""
            return IncidentFormPage.PublicTextColumn(
                code: code, name: language.name, title: field("publicTitle.\(code)", draft.publicTitle?.values[code] ?? ""),
                summary: field("publicSummary.\(code)", draft.publicSummary?.values[code] ?? ""))
        }
        page.publicTextError = problems["publicText"].map { req.t($0.messageKey) }
        page.hasProblems = !problems.isEmpty || !offers.isEmpty
        return page
    }
}
