import Fluent
import HavenDomain
import Vapor

/// `/app/persons/:code`: a person's sealed identity, its SOGIESC fields, and the incidents they appear in.
struct PersonsController: RouteCollection {
    /// What the identity form posts.
    struct IdentityInput: Content {
        var name, otherNames, contacts, dateOfBirth, notes, sexualOrientation, genderIdentity, intersexStatus: String?
        var vulnerabilities: [String]?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("app", "persons", ":code", use: show)
        routes.post("app", "persons", ":code", use: update)
    }

    private func person(_ req: Request) async throws -> Person {
        guard let code = req.parameters.get("code").flatMap({ RecordCode.normalized($0, prefix: "P") }),
              let person = try await Person.find(on: req.db, code: code) else { throw Abort(.notFound) }
        return person
    }

    @Sendable func show(req: Request) async throws -> View {
        let staff = try IncidentsController.reader(req)
        let person = try await person(req)
        let identity = try Persons.open(person, key: try await DocumentationKey.open(for: req))
        try await req.haven.audit.append(on: req.db, actor: staff.id.uuidString, action: "person.read", table: Person.schema, id: person.requireID().uuidString)
        return try await req.view.render("person", try await page(req, person, identity: identity))
    }

    private func page(_ req: Request, _ person: Person, identity: PersonIdentity, problems: [String: String] = [:]) async throws -> PersonPage {
        let builder = IncidentFormBuilder(req)
        var page = PersonPage(chrome: await .make(for: req, titleKey: "person_title"), code: person.code,
                              canEdit: req.staffSession?.role?.writesDocumentation == true)
        page.name = FieldState(value: identity.name, error: problems["name"])
        page.otherNames = FieldState(value: identity.otherNames, error: problems["otherNames"])
        page.contacts = FieldState(value: identity.contacts, error: problems["contacts"])
        page.dateOfBirth = FieldState(value: identity.dateOfBirth, error: problems["dateOfBirth"])
        page.notes = FieldState(value: identity.notes, error: problems["notes"])
        page.orientations = builder.choices(SexualOrientation.self, chosen: [identity.sexualOrientation.rawValue])
        page.genders = builder.choices(GenderIdentity.self, chosen: [identity.genderIdentity.rawValue])
        page.intersex = builder.choices(IntersexStatus.self, chosen: [identity.intersexStatus.rawValue])
        page.vulnerabilities = builder.choices(Vulnerability.self, chosen: Set(identity.vulnerabilities.map(\.rawValue)))
        let personID = try person.requireID()
        let acts = try await Act.query(on: req.db).group(.or) { $0.filter(\.$victim.$id == personID).filter(\.$perpetrator.$id == personID) }.all()
        let incidents = try await Incident.query(on: req.db).filter(\.$id ~~ Set(acts.map(\.$incident.id))).filter(\.$confidentiality != .restricted)
            .sort(\.$startFrom, .descending).all()
        page.appearances = incidents.map { .init(code: $0.code, title: $0.title) }
        return page
    }

    @Sendable func update(req: Request) async throws -> Response {
        let staff = try IncidentsController.writer(req)
        let person = try await person(req)
        let input = try req.content.decode(IdentityInput.self)
        let identity = PersonIdentity(
            name: (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines), otherNames: input.otherNames ?? "", contacts: input.contacts ?? "",
            dateOfBirth: (input.dateOfBirth ?? "").trimmingCharacters(in: .whitespaces),
            sexualOrientation: input.sexualOrientation.flatMap(SexualOrientation.init(rawValue:)) ?? .unknown,
            genderIdentity: input.genderIdentity.flatMap(GenderIdentity.init(rawValue:)) ?? .unknown,
            intersexStatus: input.intersexStatus.flatMap(IntersexStatus.init(rawValue:)) ?? .unknown,
            vulnerabilities: (input.vulnerabilities ?? []).compactMap(Vulnerability.init(rawValue:)), notes: input.notes ?? "")
        var problems: [String: String] = [:]
        if identity.name.isEmpty { problems["name"] = req.t(IncidentDraft.Problem.missing.messageKey) }
        for (field, value, limit) in [("name", identity.name, 200), ("otherNames", identity.otherNames, 500), ("contacts", identity.contacts, 1_000),
                                      ("notes", identity.notes, IncidentDraft.maximumText)] where value.count > limit {
            problems[field] = req.t(IncidentDraft.Problem.tooLong.messageKey)
        }
        if !identity.dateOfBirth.isEmpty, PartialDate(parsing: identity.dateOfBirth) == nil {
            problems["dateOfBirth"] = req.t(IncidentDraft.Problem.notADate.messageKey)
        }
        guard problems.isEmpty else {
            return try await req.view.render("person", try await page(req, person, identity: identity, problems: problems))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let key = try await DocumentationKey.open(for: req)
        let lookupKey = req.haven.lookupKey
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await Persons.update(person, identity: identity, key: key, lookupKey: lookupKey, on: tx)
            try await audit.append(actor: staff.id.uuidString, action: "person.update", table: Person.schema, id: person.requireID().uuidString)
        }
        return await req.seeOther("/app/persons/\(person.code)", notice: "person_saved")
    }
}
