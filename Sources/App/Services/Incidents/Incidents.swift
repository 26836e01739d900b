import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// Incidents: creation and editing in one flow, sealing of restricted ones, opening for a reader, facets, the search
/// index, revisions and who holds a restricted incident's key.
struct Incidents: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let persons: Persons
    let evidence: EvidenceStore
    let proceedings: LegalProceedings
    let lookupKey: LookupKey
    let vocabularies: VocabularyStore
    let recordedCountries: RecordedCountries
    let publicPages: PublicPages
    let scrubber: RemovedTextScrubber

    static func narrativeBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: Incident.schema, recordID: id.uuidString, field: "body")
    }
    static func actBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Act.schema, recordID: id.uuidString, field: "details") }
    static func sourceBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: IncidentSource.schema, recordID: id.uuidString, field: "details")
    }
    static func revisionBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: IncidentRevision.schema, recordID: id.uuidString, field: "previous")
    }

    /// The documentation key for a staff member whose role reads documentation; 403 with `reason` without a copy.
    func documentationKey(for staff: SignedInStaff, reason: String, on db: any Database) async throws -> SymmetricKey {
        guard let key = try await access.key(of: .documentation, for: staff, on: db) else { throw Abort(.forbidden, reason: reason) }
        return key
    }

    /// The incident with a code (`I-…`, any spelling `RecordCode` reads), or the one it was merged into; 404 for none.
    func record(code typed: String?, on db: any Database) async throws -> Incident {
        guard let code = typed.flatMap({ RecordCode.normalized($0, prefix: "I") }) else { throw Abort(.notFound) }
        if let record = try await Incident.find(on: db, code: code) { return record }
        guard let survivor = try await MergedRecord.survivor(table: Incident.schema, code: code, on: db),
            let record = try await Incident.find(survivor, on: db)
        else { throw Abort(.notFound) }
        return record
    }

    /// A reader's keys for an incident. For a restricted incident the reading is audited, and without a key copy the
    /// refusal is audited and the answer is nil (the page shows the stub).
    func keys(for record: Incident, staff: SignedInStaff, reason: String, on db: any Database) async throws -> DocumentationKeys? {
        let documentation = try await documentationKey(for: staff, reason: reason, on: db)
        guard record.isRestricted else { return DocumentationKeys(documentation: documentation) }
        let id = try record.requireID()
        guard let key = try await access.key(of: .incident(id), for: staff, on: db) else {
            try await audit.append(on: db, actor: staff.actor, action: "incident.read.denied", table: Incident.schema, id: id.uuidString)
            return nil
        }
        try await audit.append(on: db, actor: staff.actor, action: "incident.read.restricted", table: Incident.schema, id: id.uuidString)
        return DocumentationKeys(documentation: documentation, incident: key)
    }

    /// Records a new incident with its acts, persons and sources; returns its code. A restricted incident's key is
    /// sealed to its author and the recovery key.
    func create(
        _ change: IncidentChange, documentationKey: SymmetricKey, by author: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws -> String {
        guard let user = try await User.find(author.id, on: db) else { throw Abort(.unauthorized) }
        let (code, country) = try await audit.transaction(on: db) { tx, audit in
            try await insert(
                change, documentationKey: documentationKey, author: author, publicKey: user.publicKey, now: now, on: tx, audit: audit)
        }
        recordedCountries.insert(country)
        publicPages.invalidate()
        return code
    }

    /// Records several new incidents in one transaction (an import): all of them, or none when one fails.
    func create(
        all changes: [IncidentChange], documentationKey: SymmetricKey, by author: SignedInStaff, now: Date = Date(), on db: any Database
    ) async throws -> [String] {
        guard let user = try await User.find(author.id, on: db) else { throw Abort(.unauthorized) }
        let created = try await audit.transaction(on: db) { tx, audit in
            var created: [(code: String, country: String)] = []
            for change in changes {
                created.append(
                    try await insert(
                        change, documentationKey: documentationKey, author: author, publicKey: user.publicKey, now: now, on: tx,
                        audit: audit))
            }
            try await audit.append(actor: author.actor, action: "incident.import", table: Incident.schema, id: "\(created.count)", at: now)
            return created
        }
        for item in created { recordedCountries.insert(item.country) }
        publicPages.invalidate()
        return created.map(\.code)
    }

    /// Stores one new incident inside an audited transaction; returns its code and country.
    private func insert(
        _ change: IncidentChange, documentationKey: SymmetricKey, author: SignedInStaff, publicKey: Data, now: Date, on tx: any Database,
        audit: AuditWriter
    ) async throws -> (code: String, country: String) {
        let record = Incident()
        let id = UUID()
        record.id = id
        record.createdAt = now
        record.$createdBy.id = author.id
        let incidentKey = change.draft.confidentiality == .restricted ? SymmetricKey(size: .bits256) : nil
        let keys = DocumentationKeys(documentation: documentationKey, incident: incidentKey)
        record.seq = try await Counters.next("incidents", on: tx)
        var code = RecordCode.random(prefix: "I")
        while try await Incident.find(on: tx, code: code) != nil { code = RecordCode.random(prefix: "I") }
        record.code = code
        if let incidentKey { try await access.seal(incidentKey, of: .incident(id), to: [(author.id, publicKey)], on: tx) }
        _ = try await write(record, change, keys: keys, isNew: true, on: tx, now: now)
        try await audit.append(actor: author.actor, action: "incident.create", table: Incident.schema, id: id.uuidString, at: now)
        return (code, record.country)
    }

    /// Saves an edit: keeps the previous state as a revision, re-seals when confidentiality changes. `keys.incident` is
    /// the incident's key when it is (or was) restricted. Nothing is stored when nothing changed.
    func update(
        _ record: Incident, _ change: IncidentChange, keys given: DocumentationKeys, by author: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws {
        guard let user = try await User.find(author.id, on: db) else { throw Abort(.unauthorized) }
        let id = try record.requireID()
        let previous = try await open(record, keys: given, on: db).draft
        let becomesRestricted = change.draft.confidentiality == .restricted && given.incident == nil
        let keys = DocumentationKeys(
            documentation: given.documentation, incident: becomesRestricted ? SymmetricKey(size: .bits256) : given.incident)
        let changed = Self.changedFields(from: previous, to: change.draft)
        guard !changed.isEmpty else { return }
        try await audit.transaction(on: db) { tx, audit in
            if becomesRestricted, let key = keys.incident {
                try await access.seal(key, of: .incident(id), to: [(author.id, user.publicKey)], on: tx)
            }
            let revisionID = UUID()
            let sealing = change.draft.confidentiality == .restricted || previous.confidentiality == .restricted ? keys.incident : nil
            try await IncidentRevision(
                id: revisionID, incidentID: id, actorID: author.id, changedFields: changed,
                previous: try StoredJSON.encode(previous, sealedWith: sealing, binding: Self.revisionBinding(revisionID)),
                at: now
            ).create(on: tx)
            if change.draft.confidentiality != previous.confidentiality {
                try await reprotect(incidentID: id, restricted: change.draft.confidentiality == .restricted, keys: keys, on: tx)
            }
            record.updatedAt = now
            _ = try await write(record, change, keys: keys, isNew: false, on: tx, now: now)
            try await audit.append(actor: author.actor, action: "incident.update", table: Incident.schema, id: id.uuidString, at: now)
        }
        recordedCountries.insert(record.country)
        publicPages.invalidate()
        if becomesRestricted { await scrubber.scrub(db) }
    }

    /// The field names that differ between two drafts (`acts` and `sources` as wholes).
    static func changedFields(from old: IncidentDraft, to new: IncidentDraft) -> [String] {
        var fields: [String] = []
        func compare<T: Equatable>(_ name: String, _ path: KeyPath<IncidentDraft, T>) {
            if old[keyPath: path] != new[keyPath: path] { fields.append(name) }
        }
        compare("title", \.title)
        compare("description", \.description)
        compare("startDate", \.startDate)
        compare("endDate", \.endDate)
        compare("country", \.country)
        compare("region", \.region)
        compare("city", \.city)
        compare("placeDetail", \.placeDetail)
        compare("types", \.types)
        compare("victims", \.victims)
        compare("participants", \.participants)
        compare("detainees", \.detainees)
        compare("violationStatus", \.violationStatus)
        compare("reliability", \.reliability)
        compare("verification", \.verification)
        compare("confidentiality", \.confidentiality)
        compare("publicTitle", \.publicTitle)
        compare("publicSummary", \.publicSummary)
        if old.filledActs.map(\.comparable) != new.filledActs.map(\.comparable) { fields.append("acts") }
        if old.filledSources.map(\.comparable) != new.filledSources.map(\.comparable) { fields.append("sources") }
        return fields
    }

    /// Opens an incident with the reader's keys, its persons named; throws `VaultError.wrongKey` for a restricted
    /// incident without its key.
    func open(_ record: Incident, keys: DocumentationKeys, on db: any Database) async throws -> OpenedIncident {
        let id = try record.requireID()
        let recordKey = record.isRestricted ? keys.incident : nil
        let narrative = try StoredJSON.decode(IncidentNarrative.self, from: record.body, key: recordKey, binding: Self.narrativeBinding(id))
        let acts = try await Act.query(on: db).filter(\.$incident.$id == id).sort(\.$position).all()
        let details = try acts.map {
            try StoredJSON.decode(ActDetails.self, from: $0.details, key: recordKey, binding: Self.actBinding($0.requireID()))
        }
        let personIDs = details.flatMap { [$0.victimID] + ($0.perpetratorID.map { [$0] } ?? []) }
        let named = try await persons.named(personIDs, key: keys.documentation, on: db)
        let sources = try await IncidentSource.query(on: db).filter(\.$incident.$id == id).sort(\.$position).all().map { source in
            (
                id: try source.requireID(),
                draft: try StoredJSON.decode(
                    SourceDraft.self, from: source.details, key: recordKey, binding: Self.sourceBinding(source.requireID()))
            )
        }
        return OpenedIncident(
            record: record, narrative: narrative, types: try await types(of: [record.seq], on: db)[record.seq] ?? [],
            acts: try zip(acts, details).map { act, details in
                OpenedIncident.OpenedAct(
                    id: try act.requireID(), details: details, victim: named[details.victimID],
                    perpetrator: details.perpetratorID.flatMap { named[$0] })
            },
            sources: sources, keys: keys)
    }

    /// What the incident's page shows besides the record: key holders, evidence with custody, proceedings, revisions.
    func files(of opened: OpenedIncident, on db: any Database) async throws -> IncidentFiles {
        let record = opened.record
        let id = try record.requireID()
        return IncidentFiles(
            holders: record.isRestricted ? try await access.holders(of: .incident(id), on: db) : [],
            evidence: try await evidence.list(of: id, containerKey: opened.keys.container, on: db),
            proceedings: try await proceedings.all(of: record, key: opened.keys.incident, on: db),
            revisionCount: try await IncidentRevision.query(on: db).filter(\.$incident.$id == id).count())
    }

    /// The public projection of a public incident: narrative, acts and the sources of `kinds`; never a sealed field or a
    /// person. Nil for an incident that is not public.
    func publicView(code typed: String?, sourceKinds kinds: Set<SourceKind>, on db: any Database) async throws -> PublicIncident? {
        guard let code = typed.flatMap({ RecordCode.normalized($0, prefix: "I") }),
            let record = try await Incident.find(on: db, code: code),
            record.confidentiality == .public
        else { return nil }
        let id = try record.requireID()
        let narrative = try StoredJSON.decode(IncidentNarrative.self, from: record.body, key: nil, binding: Self.narrativeBinding(id))
        let acts = try await Act.query(on: db).filter(\.$incident.$id == id).sort(\.$position).all().map { act in
            try StoredJSON.decode(ActDetails.self, from: act.details, key: nil, binding: Self.actBinding(act.requireID()))
        }
        let sources = try await IncidentSource.query(on: db).filter(\.$incident.$id == id).sort(\.$position).all().map { source in
            (
                id: try source.requireID(),
                draft: try StoredJSON.decode(
                    SourceDraft.self, from: source.details, key: nil, binding: Self.sourceBinding(source.requireID()))
            )
        }.filter { kinds.contains($0.draft.kind) }
        return PublicIncident(
            record: record, narrative: narrative, types: try await types(of: [record.seq], on: db)[record.seq] ?? [],
            acts: acts, sources: sources)
    }

    /// A page of the incident list with each row's types.
    func list(_ filter: IncidentFilter, on db: any Database) async throws -> (result: IncidentListResult, types: [Int: [String]]) {
        let result = try await IncidentQuery.run(filter, on: db)
        return (result, try await types(of: result.rows.map(\.seq), on: db))
    }

    /// Incident type codes by `seq`, in one query (for lists and pages).
    func types(of seqs: [Int], on db: any Database) async throws -> [Int: [String]] {
        guard !seqs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().column("incident_seq").column("facet").from("incident_facets")
            .where("incident_seq", .in, seqs).where("facet", .like, "type:%").orderBy("facet").all()
        var types: [Int: [String]] = [:]
        for row in rows {
            let seq = try row.decode(column: "incident_seq", as: Int.self)
            types[seq, default: []].append(String(try row.decode(column: "facet", as: String.self).dropFirst(5)))
        }
        return types
    }

}

extension Incidents {
    /// The public titles of public incidents by `seq` (the public list and the publications that link them); an
    /// incident without one, or not public, is left out.
    func publicTitles(of seqs: [Int], on db: any Database) async throws -> [Int: Translations] {
        guard !seqs.isEmpty else { return [:] }
        let records = try await Incident.query(on: db).filter(\.$seq ~~ seqs).filter(\.$confidentiality == .public).all()
        var titles: [Int: Translations] = [:]
        for record in records {
            let narrative = try StoredJSON.decode(
                IncidentNarrative.self, from: record.body, key: nil, binding: Self.narrativeBinding(record.requireID()))
            titles[record.seq] = narrative.publicTitle?.nonEmpty
        }
        return titles
    }

    /// The clear titles and descriptions of incidents by code, restricted ones left out (ingest's duplicate check).
    func clearDescriptions(of codes: [String], on db: any Database) async throws -> [(code: String, title: String, description: String)] {
        guard !codes.isEmpty else { return [] }
        return try await Incident.query(on: db).filter(\.$code ~~ codes).filter(\.$confidentiality != .restricted).all().compactMap {
            incident in
            guard
                let narrative = try? StoredJSON.decode(
                    IncidentNarrative.self, from: incident.body, key: nil,
                    binding: Self.narrativeBinding(incident.requireID()))
            else { return nil }
            return (incident.code, incident.title, narrative.description)
        }
    }
}
