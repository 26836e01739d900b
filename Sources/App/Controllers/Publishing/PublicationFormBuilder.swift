import HavenDomain
import Vapor

/// Builds the publication editor's page: every language side by side, the draft's problems next to their fields, and
/// for a stored publication its status, next steps, revisions and any proposal waiting.
struct PublicationFormBuilder {
    let req: Request

    init(_ req: Request) {
        self.req = req
    }

    /// The editor's page for a draft, with problems next to their fields.
    func page(
        _ draft: PublicationDraft, problems: [String: PublicationDraft.Problem] = [:], action: String,
        record: Publication?
    ) async throws -> PublicationFormPage {
        func message(_ name: String) -> String? { problems[name].map { req.t($0.messageKey) } }
        let publishing = req.haven.publishing
        let languages = try await publishing.languages(on: req.db)
        var page = PublicationFormPage(
            chrome: await .make(for: req, titleKey: record == nil ? "publication_new_title" : "publication_edit_title"),
            action: action, isNew: record == nil, slug: record?.slug ?? "")
        page.kinds = req.choices(PublicationKind.self, chosen: [draft.kind.rawValue])
        page.originals = languages.map { Choice(code: $0.id ?? "", name: $0.name, isChosen: $0.id == draft.originalLanguage) }
        page.columns = languages.map { language in
            let code = language.id ?? ""
            return PublicationFormPage.Column(
                code: code, name: language.name,
                title: FieldState(value: draft.title.values[code] ?? "", error: message("title.\(code)")),
                summary: FieldState(value: draft.summary.values[code] ?? "", error: message("summary.\(code)")),
                body: FieldState(value: draft.body.values[code] ?? "", error: message("body.\(code)")))
        }
        page.date = FieldState(value: draft.date, error: message("date"))
        let chosenCountries = Set(draft.countries)
        page.countries = Country.sorted(for: req.language).map {
            Choice(code: $0.code, name: $0.name(req.language), isChosen: chosenCountries.contains($0.code))
        }
        page.countriesError = message("countries")
        page.categories = AnnualReviewHeading.allCases.map {
            Choice(code: $0.rawValue, name: $0.label(req.language), isChosen: draft.categories.contains($0.rawValue))
        }
        page.categoriesError = message("categories")
        page.incidents = FieldState(value: draft.incidents.joined(separator: ", "), error: message("incidents"))
        let known = try await publishing.signatories(on: req.db)
        let chosenNames = Set(draft.signatories.map(SearchText.fold))
        page.knownSignatories = known.map {
            Choice(code: $0.id?.uuidString ?? "", name: $0.name, isChosen: chosenNames.contains($0.nameKey))
        }
        let knownKeys = Set(known.map(\.nameKey))
        page.newSignatories = FieldState(
            value: draft.signatories.filter { !knownKeys.contains(SearchText.fold($0)) }.joined(separator: "\n"),
            error: message("signatories"))
        page.venue = FieldState(value: draft.venue, error: message("venue"))
        page.participants = FieldState(value: draft.participants, error: message("participants"))
        page.hasProblems = !problems.isEmpty
        if let record {
            page.statusName = PublicationStatusText.name(record, req: req)
            let canPublish = req.can(.publishes)
            page.nextStatuses = PublicationWorkflow.next(after: record.status).filter {
                PublicationWorkflow.allows(from: record.status, to: $0, canPublish: canPublish)
            }
            .map { Choice(code: $0.rawValue, name: req.t($0.labelKey)) }
            page.publicPath = record.isPublic() ? "/p/\(record.slug)" : nil
            page.revisionCount = try await publishing.revisionCount(of: record, on: req.db)
            page.hasProposal = try await publishing.proposal(of: record, on: req.db) != nil
            page.needsReview = PublicationWorkflow.editNeedsReview(status: record.status, canPublish: canPublish)
        }
        return page
    }
}
