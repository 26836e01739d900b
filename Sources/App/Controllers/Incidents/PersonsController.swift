import HavenDomain
import Vapor

/// `/app/persons/:code`: a person's sealed identity, its SOGIESC fields, and the incidents they appear in.
struct PersonsController: RouteCollection {
    /// What the identity form posts.
    struct IdentityInput: Content {
        var name, otherNames, contacts, dateOfBirth, notes, sexualOrientation, genderIdentity, intersexStatus: String?
        var vulnerabilities: [String]?

        var identity: PersonIdentity {
            PersonIdentity(
                name: (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines), otherNames: otherNames ?? "", contacts: contacts ?? "",
                dateOfBirth: (dateOfBirth ?? "").trimmingCharacters(in: .whitespaces),
                sexualOrientation: sexualOrientation.flatMap(SexualOrientation.init(rawValue:)) ?? .unknown,
                genderIdentity: genderIdentity.flatMap(GenderIdentity.init(rawValue:)) ?? .unknown,
                intersexStatus: intersexStatus.flatMap(IntersexStatus.init(rawValue:)) ?? .unknown,
                vulnerabilities: (vulnerabilities ?? []).compactMap(Vulnerability.init(rawValue:)), notes: notes ?? "")
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let persons = routes.grouped(RequireCapability(.readsDocumentation)).grouped("app", "persons")
        persons.get(":code", use: show)
        persons.post(":code", use: update)
        persons.post(":code", "merge", use: merge)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let staff = try req.require(.readsDocumentation)
        let persons = req.haven.persons
        let person = try await persons.record(code: req.parameters.get("code"), on: req.db)
        if RecordCode.normalized(req.parameters.get("code") ?? "", prefix: "P") != person.code {
            return req.redirect(to: "/app/persons/\(person.code)", redirectType: .permanent)
        }
        let key = try await req.haven.incidents.documentationKey(for: staff, reason: req.t("incidents_not_your_role"), on: req.db)
        let opened = try await persons.read(person, key: key, by: staff, on: req.db)
        return try await req.render(await page(req, code: opened.code, identity: opened.identity, appearances: opened.appearances))
    }

    private func page(
        _ req: Request, code: String, identity: PersonIdentity, appearances: [(code: String, title: String)],
        problems: [String: String] = [:]
    ) async -> PersonPage {
        var page = PersonPage(chrome: await .make(for: req, titleKey: "person_title"), code: code, canEdit: req.can(.writesDocumentation))
        page.name = FieldState(value: identity.name, error: problems["name"])
        page.otherNames = FieldState(value: identity.otherNames, error: problems["otherNames"])
        page.contacts = FieldState(value: identity.contacts, error: problems["contacts"])
        page.dateOfBirth = FieldState(value: identity.dateOfBirth, error: problems["dateOfBirth"])
        page.notes = FieldState(value: identity.notes, error: problems["notes"])
        page.orientations = req.choices(SexualOrientation.self, chosen: [identity.sexualOrientation.rawValue])
        page.genders = req.choices(GenderIdentity.self, chosen: [identity.genderIdentity.rawValue])
        page.intersex = req.choices(IntersexStatus.self, chosen: [identity.intersexStatus.rawValue])
        page.vulnerabilities = req.choices(Vulnerability.self, chosen: Set(identity.vulnerabilities.map(\.rawValue)))
        page.appearances = appearances.map { .init(code: $0.code, title: $0.title) }
        return page
    }

    @Sendable func update(req: Request) async throws -> Response {
        let staff = try req.require(.writesDocumentation)
        let persons = req.haven.persons
        let person = try await persons.record(code: req.parameters.get("code"), on: req.db)
        let identity = try req.content.decode(IdentityInput.self).identity
        let problems = identity.problems.mapValues { req.t($0.messageKey) }
        guard problems.isEmpty else {
            let appearances = try await persons.appearances(of: try person.requireID(), on: req.db)
            return try await req.render(
                await page(req, code: person.code, identity: identity, appearances: appearances, problems: problems),
                status: .unprocessableEntity)
        }
        let key = try await req.haven.incidents.documentationKey(for: staff, reason: req.t("incidents_not_your_role"), on: req.db)
        try await persons.update(person, identity: identity, key: key, by: staff, on: req.db)
        return await req.seeOther("/app/persons/\(person.code)", notice: "person_saved")
    }

    /// What the merge form posts.
    struct MergeInput: Content {
        var into: String?
    }

    /// Merges this person record into another (the survivor), after a confirmation page.
    @Sendable func merge(req: Request) async throws -> Response {
        let staff = try req.require(.writesDocumentation)
        let persons = req.haven.persons
        let duplicate = try await persons.record(code: req.parameters.get("code"), on: req.db)
        let typed = try req.content.decode(MergeInput.self).into ?? ""
        let survivor = try? await persons.record(code: typed, on: req.db)
        guard let survivor, survivor.id != duplicate.id else {
            let key = try await req.haven.incidents.documentationKey(for: staff, reason: req.t("incidents_not_your_role"), on: req.db)
            let appearances = try await persons.appearances(of: try duplicate.requireID(), on: req.db)
            var page = await page(req, code: duplicate.code, identity: try Persons.open(duplicate, key: key), appearances: appearances)
            page.merge = FieldState(value: typed, error: req.t(survivor == nil ? "merge_unknown_person" : "merge_same"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        guard req.isConfirmed else {
            return try await req.confirmation(
                titleKey: "person_merge",
                consequences: [
                    req.t("person_merge_confirm_into").replacingOccurrences(of: "{from}", with: duplicate.code)
                        .replacingOccurrences(of: "{into}", with: survivor.code),
                    req.t("person_merge_confirm_names").replacingOccurrences(of: "{from}", with: duplicate.code),
                    req.t("merge_confirm_irreversible"),
                ], buttonKey: "merge_submit", cancelPath: "/app/persons/\(duplicate.code)")
        }
        let key = try await req.haven.incidents.documentationKey(for: staff, reason: req.t("incidents_not_your_role"), on: req.db)
        try await persons.merge(duplicate, into: survivor, key: key, by: staff, on: req.db)
        return await req.seeOther("/app/persons/\(survivor.code)", notice: "person_merged")
    }
}
