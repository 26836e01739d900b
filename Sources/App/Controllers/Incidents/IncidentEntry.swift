import Fluent
import HavenDomain
import Vapor

/// The checks between a posted form and a save: field problems, persons to confirm, or a change ready to store.
enum IncidentEntry {
    /// What the form's post comes to.
    enum Outcome {
        /// The form comes back: with an extra row (`more`), with problems, or with recorded persons offered.
        case again(IncidentDraft, problems: [String: IncidentDraft.Problem], offers: [String: [IncidentFormPage.PersonOffer]])
        case ready(IncidentChange)
    }

    static func check(_ input: IncidentInput, req: Request) async throws -> Outcome {
        var draft = input.draft
        if input.more == "act" || input.more == "source" {
            if input.more == "act" { draft.acts.append(ActDraft()) } else { draft.sources.append(SourceDraft()) }
            return .again(draft, problems: [:], offers: [:])
        }
        let problems = draft.problems(terms: req.haven.vocabularies.terms)
        var offers: [String: [IncidentFormPage.PersonOffer]] = [:]
        var victims: [PersonReference] = []
        var perpetrators: [PersonReference?] = []
        let documentationKey = try await DocumentationKey.open(for: req)
        let rows = input.orderedActs
        for (index, act) in draft.acts.enumerated() where !act.isBlank && problems["acts.\(index).victim"] == nil {
            let row = index < rows.count ? rows[index] : nil
            switch try await Persons.resolve(typed: act.victim, choice: row?.victimChoice, lookupKey: req.haven.lookupKey, on: req.db) {
            case .resolved(let reference): victims.append(reference)
            case .offer(let persons): offers["acts.\(index).victim"] = try offered(persons, key: documentationKey)
            }
            if act.perpetrator.isEmpty {
                perpetrators.append(nil)
                continue
            }
            switch try await Persons.resolve(typed: act.perpetrator, choice: row?.perpetratorChoice, lookupKey: req.haven.lookupKey, on: req.db) {
            case .resolved(let reference): perpetrators.append(reference)
            case .offer(let persons): offers["acts.\(index).perpetrator"] = try offered(persons, key: documentationKey)
            }
        }
        guard problems.isEmpty, offers.isEmpty else { return .again(draft, problems: problems, offers: offers) }
        return .ready(IncidentChange(draft: draft, victims: victims, perpetrators: perpetrators))
    }

    private static func offered(_ persons: [Person], key: SymmetricKey) throws -> [IncidentFormPage.PersonOffer] {
        try persons.map { IncidentFormPage.PersonOffer(code: $0.code, name: try Persons.open($0, key: key).name, isChosen: false) }
    }

    /// The form again, with 422 when something is wrong and 200 when a row was only added.
    static func render(_ outcome: Outcome, builder: IncidentFormBuilder, action: String, isNew: Bool, titleKey: String) async throws -> Response {
        guard case .again(let draft, let problems, let offers) = outcome else { throw Abort(.internalServerError) }
        let page = await builder.page(draft, problems: problems, offers: offers, action: action, isNew: isNew, titleKey: titleKey)
        let status: HTTPResponseStatus = problems.isEmpty && offers.isEmpty ? .ok : .unprocessableEntity
        return try await builder.req.view.render("incident-form", page).encodeResponse(status: status, for: builder.req)
    }

    /// The author's id and public key (a new restricted incident's key is sealed to them).
    static func author(_ req: Request, _ id: UUID) async throws -> (id: UUID, publicKey: Data) {
        guard let user = try await User.find(id, on: req.db) else { throw Abort(.unauthorized) }
        return (id, user.publicKey)
    }
}
