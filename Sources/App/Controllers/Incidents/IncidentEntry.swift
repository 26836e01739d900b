import Crypto
import HavenDomain
import Vapor

/// The checks between a posted form and a save: field problems, persons to confirm, or a change ready to store.
struct IncidentEntry {
    /// What the form's post comes to.
    enum Outcome {
        /// The form comes back: with an extra row (`more`), with problems, or with recorded persons offered.
        case again(
            IncidentDraft, problems: [String: IncidentDraft.Problem], offers: [String: [IncidentFormPage.PersonOffer]],
            names: [String] = [])
        case ready(IncidentChange)
    }

    let req: Request
    /// Opens the names of the persons offered.
    let documentationKey: SymmetricKey

    func check(_ input: IncidentInput) async throws -> Outcome {
        var draft = input.draft
        let languages = Set(try await req.haven.publishing.languages(on: req.db).compactMap(\.id))
        draft.publicTitle = draft.publicTitle.flatMap { Translations($0.values.filter { languages.contains($0.key) }).nonEmpty }
        draft.publicSummary = draft.publicSummary.flatMap { Translations($0.values.filter { languages.contains($0.key) }).nonEmpty }
        if input.more == "act" || input.more == "source" {
            if input.more == "act" { draft.acts.append(ActDraft()) } else { draft.sources.append(SourceDraft()) }
            return .again(draft, problems: [:], offers: [:])
        }
        var problems = draft.problems(terms: req.haven.vocabularies.terms)
        let names = try await namesInPublicText(draft, checked: input.publicTextChecked == "on")
        if !names.isEmpty { problems["publicText"] = .containsName }
        var offers: [String: [IncidentFormPage.PersonOffer]] = [:]
        var victims: [PersonReference] = []
        var perpetrators: [PersonReference?] = []
        let rows = input.orderedActs
        for (index, act) in draft.acts.enumerated() where !act.isBlank && problems["acts.\(index).victim"] == nil {
            let row = index < rows.count ? rows[index] : nil
            switch try await resolve(act.victim, choice: row?.victimChoice) {
            case .resolved(let reference): victims.append(reference)
            case .offer(let persons): offers["acts.\(index).victim"] = persons
            }
            if act.perpetrator.isEmpty {
                perpetrators.append(nil)
                continue
            }
            switch try await resolve(act.perpetrator, choice: row?.perpetratorChoice) {
            case .resolved(let reference): perpetrators.append(reference)
            case .offer(let persons): offers["acts.\(index).perpetrator"] = persons
            }
        }
        guard problems.isEmpty, offers.isEmpty else { return .again(draft, problems: problems, offers: offers, names: names) }
        return .ready(IncidentChange(draft: draft, victims: victims, perpetrators: perpetrators))
    }

    /// The words of the public title and summary that are a recorded person's name or other name, or one typed in
    /// this form; none once the documenter has looked at exactly these words and ticked that they name no one.
    private func namesInPublicText(_ draft: IncidentDraft, checked: Bool) async throws -> [String] {
        let text = draft.publicText
        guard !text.isEmpty else { return [] }
        let typed = draft.filledActs.flatMap { [$0.victim, $0.perpetrator] }
        let names = try await req.haven.persons.nameWords(in: text, typedNames: typed, on: req.db)
        return checked ? [] : names
    }

    /// How a typed person was understood, or the recorded persons to offer, named.
    private enum Understood {
        case resolved(PersonReference)
        case offer([IncidentFormPage.PersonOffer])
    }

    private func resolve(_ typed: String, choice: String?) async throws -> Understood {
        let persons = req.haven.persons
        switch try await persons.resolve(typed: typed, choice: choice, on: req.db) {
        case .resolved(let reference): return .resolved(reference)
        case .offer(let similar):
            return .offer(try persons.offers(similar, key: documentationKey).map { .init(code: $0.code, name: $0.name, isChosen: false) })
        }
    }

    /// The form again, with 422 when something is wrong and 200 when a row was only added.
    static func render(_ outcome: Outcome, builder: IncidentFormBuilder, action: String, isNew: Bool, titleKey: String) async throws
        -> Response
    {
        guard case .again(let draft, let problems, let offers, let names) = outcome else { throw Abort(.internalServerError) }
        var page = try await builder.page(draft, problems: problems, offers: offers, action: action, isNew: isNew, titleKey: titleKey)
        page.publicTextNames = names
        return try await builder.req.render(page, status: problems.isEmpty && offers.isEmpty ? .ok : .unprocessableEntity)
    }
}
