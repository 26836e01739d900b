import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// An incident as the form submits it once every person it names is understood.
struct IncidentChange: Sendable {
    var draft: IncidentDraft
    /// One per filled act, in order.
    var victims: [PersonReference]
    var perpetrators: [PersonReference?]
}

/// The keys a documentation change needs: the documentation key, and the incident's own key when it has one.
struct DocumentationKeys: Sendable {
    let documentation: SymmetricKey
    var incident: SymmetricKey?
}

/// An incident opened for one reader.
struct OpenedIncident: Sendable {
    /// One act with its persons.
    struct OpenedAct: Sendable {
        let id: UUID
        let details: ActDetails
        let victim: Person?
        let perpetrator: Person?
    }

    let record: Incident
    let narrative: IncidentNarrative
    let types: [String]
    let acts: [OpenedAct]
    let sources: [(id: UUID, draft: SourceDraft)]

    /// The incident as the edit form shows it (persons by code).
    var draft: IncidentDraft {
        var draft = IncidentDraft()
        draft.title = narrative.title
        draft.description = narrative.description
        draft.region = narrative.region
        draft.city = narrative.city
        draft.placeDetail = narrative.placeDetail
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

/// Incidents: creation and editing in one flow, sealing of restricted ones, facets, the search index and revisions.
enum Incidents {
    static func narrativeBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Incident.schema, recordID: id.uuidString, field: "body") }
    static func actBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Act.schema, recordID: id.uuidString, field: "details") }
    static func sourceBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: IncidentSource.schema, recordID: id.uuidString, field: "details") }
    static func revisionBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: IncidentRevision.schema, recordID: id.uuidString, field: "previous") }

    /// Records a new incident with its acts, persons and sources; returns its code.
    static func create(app: Application, db: any Database, _ change: IncidentChange, keys: DocumentationKeys,
                       by author: (id: UUID, publicKey: Data), now: Date = Date()) async throws -> String {
        guard let organisation = try await Organisation.current(on: db) else { throw Abort(.conflict) }
        let record = Incident()
        let id = UUID()
        record.id = id
        record.createdAt = now
        record.$createdBy.id = author.id
        let incidentKey = change.draft.confidentiality == .restricted ? SymmetricKey(size: .bits256) : nil
        return try await app.haven.audit.transaction(on: db) { tx, audit in
            record.seq = try await nextSeq(on: tx)
            var code = RecordCode.random(prefix: "I")
            while try await Incident.find(on: tx, code: code) != nil { code = RecordCode.random(prefix: "I") }
            record.code = code
            if let incidentKey {
                try await grantKey(incidentKey, to: [(author.id, author.publicKey), (nil, organisation.recoveryPublicKey)], incidentID: id, on: tx)
            }
            _ = try await write(record, change, keys: DocumentationKeys(documentation: keys.documentation, incident: incidentKey),
                                lookupKey: app.haven.lookupKey, types: app.haven.vocabularies.terms.incidentTypes, isNew: true, on: tx, now: now)
            try await audit.append(actor: author.id.uuidString, action: "incident.create", table: Incident.schema, id: id.uuidString, at: now)
            app.haven.recordedCountries.insert(record.country)
            app.haven.publicPages.invalidate()
            return code
        }
    }

    /// Saves an edit: keeps the previous state as a revision, re-seals when confidentiality changes.
    /// `keys.incident` must be the incident's key when it is (or was) restricted.
    static func update(app: Application, db: any Database, _ record: Incident, _ change: IncidentChange, previous: IncidentDraft,
                       keys: DocumentationKeys, by author: (id: UUID, publicKey: Data), now: Date = Date()) async throws {
        guard let organisation = try await Organisation.current(on: db) else { throw Abort(.conflict) }
        let id = try record.requireID()
        let becomesRestricted = change.draft.confidentiality == .restricted && keys.incident == nil
        let keys = DocumentationKeys(documentation: keys.documentation, incident: becomesRestricted ? SymmetricKey(size: .bits256) : keys.incident)
        let changed = changedFields(from: previous, to: change.draft)
        guard !changed.isEmpty else { return }
        try await app.haven.audit.transaction(on: db) { tx, audit in
            if becomesRestricted, let key = keys.incident {
                try await grantKey(key, to: [(author.id, author.publicKey), (nil, organisation.recoveryPublicKey)], incidentID: id, on: tx)
            }
            let revisionID = UUID()
            let sealing = change.draft.confidentiality == .restricted || previous.confidentiality == .restricted ? keys.incident : nil
            try await IncidentRevision(id: revisionID, incidentID: id, actorID: author.id, changedFields: changed,
                                       previous: try StoredJSON.encode(previous, sealedWith: sealing, binding: revisionBinding(revisionID)), at: now).create(on: tx)
            if change.draft.confidentiality != previous.confidentiality {
                try await reprotect(incidentID: id, restricted: change.draft.confidentiality == .restricted, keys: keys, on: tx)
            }
            record.updatedAt = now
            _ = try await write(record, change, keys: keys, lookupKey: app.haven.lookupKey, types: app.haven.vocabularies.terms.incidentTypes,
                                isNew: false, on: tx, now: now)
            try await audit.append(actor: author.id.uuidString, action: "incident.update", table: Incident.schema, id: id.uuidString, at: now)
            app.haven.recordedCountries.insert(record.country)
            app.haven.publicPages.invalidate()
        }
        if becomesRestricted { await RemovedTextScrubber.scrub(db, logger: app.logger) }
    }

    /// The field names that differ between two drafts (`acts` and `sources` as wholes).
    static func changedFields(from old: IncidentDraft, to new: IncidentDraft) -> [String] {
        var fields: [String] = []
        func compare<T: Equatable>(_ name: String, _ path: KeyPath<IncidentDraft, T>) { if old[keyPath: path] != new[keyPath: path] { fields.append(name) } }
        compare("title", \.title); compare("description", \.description); compare("startDate", \.startDate); compare("endDate", \.endDate)
        compare("country", \.country); compare("region", \.region); compare("city", \.city); compare("placeDetail", \.placeDetail)
        compare("types", \.types); compare("victims", \.victims); compare("participants", \.participants); compare("detainees", \.detainees)
        compare("violationStatus", \.violationStatus); compare("reliability", \.reliability); compare("verification", \.verification)
        compare("confidentiality", \.confidentiality)
        if old.filledActs.map(\.comparable) != new.filledActs.map(\.comparable) { fields.append("acts") }
        if old.filledSources.map(\.comparable) != new.filledSources.map(\.comparable) { fields.append("sources") }
        return fields
    }

    /// Opens an incident with the reader's keys; throws `VaultError.wrongKey` for a restricted incident without its key.
    static func open(_ record: Incident, keys: DocumentationKeys, on db: any Database) async throws -> OpenedIncident {
        let id = try record.requireID()
        let recordKey = record.isRestricted ? keys.incident : nil
        let narrative = try StoredJSON.decode(IncidentNarrative.self, from: record.body, key: recordKey, binding: narrativeBinding(id))
        let acts = try await Act.query(on: db).filter(\.$incident.$id == id).sort(\.$position).all()
        let details = try acts.map { try StoredJSON.decode(ActDetails.self, from: $0.details, key: recordKey, binding: actBinding($0.requireID())) }
        let personIDs = details.flatMap { [$0.victimID] + ($0.perpetratorID.map { [$0] } ?? []) }
        let persons = Dictionary(try await Person.query(on: db).filter(\.$id ~~ personIDs).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let sources = try await IncidentSource.query(on: db).filter(\.$incident.$id == id).sort(\.$position).all().map { source in
            (id: try source.requireID(), draft: try StoredJSON.decode(SourceDraft.self, from: source.details, key: recordKey, binding: sourceBinding(source.requireID())))
        }
        return OpenedIncident(
            record: record, narrative: narrative, types: try await types(of: [record.seq], on: db)[record.seq] ?? [],
            acts: try zip(acts, details).map { act, details in
                OpenedIncident.OpenedAct(id: try act.requireID(), details: details, victim: persons[details.victimID],
                                         perpetrator: details.perpetratorID.flatMap { persons[$0] })
            },
            sources: sources)
    }

    /// Incident type codes by `seq`, in one query (for lists and pages).
    static func types(of seqs: [Int], on db: any Database) async throws -> [Int: [String]] {
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

    /// A reader's copy of a restricted incident's key, if they hold one.
    static func key(of record: Incident, for staff: (id: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey), on db: any Database) async throws -> SymmetricKey? {
        try await KeyGrant.openKey(table: Incident.schema, recordID: record.requireID().uuidString, userID: staff.id, privateKey: staff.privateKey, on: db)
    }

    private static func grantKey(_ key: SymmetricKey, to holders: [(UUID?, Data)], incidentID: UUID, on db: any Database) async throws {
        for (holder, publicKey) in holders {
            try await KeyGrant.sealing(key, table: Incident.schema, recordID: incidentID.uuidString, holder: holder, publicKey: publicKey).create(on: db)
        }
    }

    private static func nextSeq(on db: any Database) async throws -> Int {
        let row = try await (db as! any SQLDatabase).raw("SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM incidents").first()
        return try row?.decode(column: "next", as: Int.self) ?? 1
    }
}
