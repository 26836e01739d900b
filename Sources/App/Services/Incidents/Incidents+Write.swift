import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit

extension ActDraft {
    /// The act without its row id, for comparing drafts.
    var comparable: ActDraft {
        var copy = self
        copy.id = ""
        return copy
    }
}

extension SourceDraft {
    /// The source without its row id, for comparing drafts.
    var comparable: SourceDraft {
        var copy = self
        copy.id = ""
        return copy
    }
}

extension Incidents {
    /// Writes an incident's columns, narrative, new persons, acts, sources, facets and index entry inside a transaction;
    /// facets come from the incident-type list in use (administrators' added types find their family there).
    /// Returns the draft as stored (persons by code).
    func write(_ record: Incident, _ change: IncidentChange, keys: DocumentationKeys, isNew: Bool, on tx: any Database, now: Date)
        async throws
        -> IncidentDraft
    {
        let id = try record.requireID()
        let draft = change.draft
        let recordKey = draft.confidentiality == .restricted ? keys.incident : nil
        precondition(draft.confidentiality != .restricted || recordKey != nil, "a restricted incident is written with its key")
        let narrative = IncidentNarrative(
            title: draft.title.trimmingCharacters(in: .whitespacesAndNewlines), description: draft.description,
            region: draft.region, city: draft.city, placeDetail: draft.placeDetail, publicTitle: draft.publicTitle,
            publicSummary: draft.publicSummary)
        record.confidentiality = draft.confidentiality
        record.title = recordKey == nil ? narrative.title : ""
        record.body = try StoredJSON.encode(narrative, sealedWith: recordKey, binding: Self.narrativeBinding(id))
        record.country = draft.country.uppercased()
        let start = draft.start!
        let end = draft.end
        record.startDate = start.description
        record.startFrom = start.earliestDay
        record.endDate = end?.description
        record.endTo = (end ?? start).latestDay
        record.violationStatus = draft.violationStatus
        record.reliability = draft.reliability
        record.verification = draft.verification
        record.victims = IncidentDraft.count(draft.victims)
        record.participants = IncidentDraft.count(draft.participants)
        record.detainees = IncidentDraft.count(draft.detainees)
        record.updatedAt = now
        if isNew { try await record.create(on: tx) } else { try await record.save(on: tx) }

        var stored = draft
        let acts = try await writeActs(of: record, change, recordKey: recordKey, keys: keys, on: tx, now: now)
        stored.acts = acts
        let sources = try await writeSources(of: id, draft.filledSources, recordKey: recordKey, on: tx)
        stored.sources = sources
        let facets = Self.facets(
            types: draft.types, perpetratorTypes: recordKey == nil ? acts.map(\.perpetratorType) : [],
            terms: vocabularies.terms.incidentTypes)
        try await writeFacets(seq: record.seq, facets, on: tx)
        let document = recordKey == nil ? Self.searchDocument(narrative, sourceTitles: sources.map(\.title)) : ""
        try await SearchIndex(tx, table: "incident_search").replace(
            seq: record.seq, document: document, facets: Self.searchFacets(of: record, facets: facets))
        return stored
    }

    private func person(_ reference: PersonReference, keys: DocumentationKeys, on tx: any Database, now: Date) async throws -> Person {
        switch reference {
        case .existing(let person): return person
        case .new(let name): return try await persons.create(PersonIdentity(name: name), key: keys.documentation, on: tx, now: now)
        }
    }

    private func writeActs(
        of record: Incident, _ change: IncidentChange, recordKey: SymmetricKey?, keys: DocumentationKeys,
        on tx: any Database, now: Date
    ) async throws -> [ActDraft] {
        let incidentID = try record.requireID()
        let existing = Dictionary(
            try await Act.query(on: tx).filter(\.$incident.$id == incidentID).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        var kept: Set<UUID> = []
        var stored: [ActDraft] = []
        for (position, row) in change.draft.filledActs.enumerated() {
            let victim = try await person(change.victims[position], keys: keys, on: tx, now: now)
            let perpetrator = try await change.perpetrators[position].asyncMap { try await person($0, keys: keys, on: tx, now: now) }
            let details = ActDetails(
                victimID: try victim.requireID(), type: row.type, date: row.date, placeType: row.placeType, status: row.status,
                consequences: row.consequences, perpetratorID: try perpetrator?.requireID(), perpetratorType: row.perpetratorType,
                degree: row.degree)
            let act =
                UUID(uuidString: row.id).flatMap { existing[$0] }
                ?? Act(id: UUID(), incidentID: incidentID, position: position, details: Data())
            let actID = try act.requireID()
            kept.insert(actID)
            act.position = position
            act.details = try StoredJSON.encode(details, sealedWith: recordKey, binding: Self.actBinding(actID))
            act.$victim.id = recordKey == nil ? details.victimID : nil
            act.$perpetrator.id = recordKey == nil ? details.perpetratorID : nil
            try await act.save(on: tx)
            var storedRow = row
            storedRow.id = actID.uuidString
            storedRow.victim = victim.code
            storedRow.perpetrator = perpetrator?.code ?? ""
            stored.append(storedRow)
        }
        let removed = Set(existing.keys).subtracting(kept)
        if !removed.isEmpty { try await Act.query(on: tx).filter(\.$id ~~ Array(removed)).delete() }
        return stored
    }

    private func writeSources(of incidentID: UUID, _ rows: [SourceDraft], recordKey: SymmetricKey?, on tx: any Database) async throws
        -> [SourceDraft]
    {
        let existing = Dictionary(
            try await IncidentSource.query(on: tx).filter(\.$incident.$id == incidentID).all().map { ($0.id!, $0) },
            uniquingKeysWith: { a, _ in a })
        var kept: Set<UUID> = []
        var stored: [SourceDraft] = []
        for (position, row) in rows.enumerated() {
            let source =
                UUID(uuidString: row.id).flatMap { existing[$0] }
                ?? IncidentSource(id: UUID(), incidentID: incidentID, position: position, details: Data())
            let sourceID = try source.requireID()
            kept.insert(sourceID)
            var storedRow = row
            storedRow.id = sourceID.uuidString
            source.position = position
            source.details = try StoredJSON.encode(storedRow, sealedWith: recordKey, binding: Self.sourceBinding(sourceID))
            try await source.save(on: tx)
            stored.append(storedRow)
        }
        let removed = Set(existing.keys).subtracting(kept)
        if !removed.isEmpty { try await IncidentSource.query(on: tx).filter(\.$id ~~ Array(removed)).delete() }
        return stored
    }

    /// Writes an incident's index entry from what is stored in clear (a rebuild): the narrative and source titles unless
    /// it is restricted, and its filter words.
    static func index(_ record: Incident, facets: Set<String>, on tx: any Database) async throws {
        var document = ""
        if !record.isRestricted {
            let id = try record.requireID()
            let narrative = try StoredJSON.decode(IncidentNarrative.self, from: record.body, key: nil, binding: narrativeBinding(id))
            let titles = try await IncidentSource.query(on: tx).filter(\.$incident.$id == id).sort(\.$position).all().map {
                try StoredJSON.decode(SourceDraft.self, from: $0.details, key: nil, binding: sourceBinding($0.requireID())).title
            }
            document = searchDocument(narrative, sourceTitles: titles)
        }
        try await SearchIndex(tx, table: "incident_search").replace(
            seq: record.seq, document: document, facets: searchFacets(of: record, facets: facets))
    }

    /// The indexed text of an incident: title, description, place and source titles, folded.
    static func searchDocument(_ narrative: IncidentNarrative, sourceTitles: [String]) -> String {
        SearchText.fold(([narrative.title, narrative.description, narrative.region, narrative.city] + sourceTitles).joined(separator: " "))
    }

    /// The filter words of an incident as indexed (`FacetTokens`).
    static func searchFacets(of record: Incident, facets: Set<String>) -> String {
        FacetTokens.tokens(
            country: record.country, confidentiality: record.confidentiality, verification: record.verification, facets: facets,
            from: record.startFrom, to: record.endTo
        ).joined(separator: " ")
    }

    /// Facets lists filter on: `type:V4.1`, `family:V4`, `heading:freedom_of_expression`, `perpetrator:police`.
    static func facets(types: [String], perpetratorTypes: [String], terms: Vocabulary = .incidentTypes) -> Set<String> {
        var facets: Set<String> = []
        for code in types {
            facets.insert("type:\(code)")
            let term = terms.term(code)
            facets.insert("family:\(term?.parent ?? code)")
            for heading in term?.headings ?? [] { facets.insert("heading:\(heading.rawValue)") }
        }
        for code in perpetratorTypes where !code.isEmpty { facets.insert("perpetrator:\(code)") }
        return facets
    }

    private func writeFacets(seq: Int, _ facets: Set<String>, on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        try await sql.delete(from: "incident_facets").where("incident_seq", .equal, seq).run()
        let rows = facets.sorted()
        guard !rows.isEmpty else { return }
        let values: [[any SQLExpression]] = rows.map { facet in [SQLBind(seq), SQLBind(facet)] }
        try await sql.insert(into: "incident_facets").columns("incident_seq", "facet").rows(values).run()
    }

    /// Re-seals what an incident keeps outside its narrative, acts and sources when it becomes restricted or stops being so:
    /// earlier revisions of the incident and its proceedings (sealed from then on), proceedings and the keys of its
    /// evidence files.
    func reprotect(incidentID: UUID, restricted: Bool, keys: DocumentationKeys, on tx: any Database) async throws {
        guard let incidentKey = keys.incident else { return }
        for revision in try await IncidentRevision.query(on: tx).filter(\.$incident.$id == incidentID).all()
        where !StoredJSON.isSealed(revision.previous) {
            let binding = Self.revisionBinding(try revision.requireID())
            let previous = try StoredJSON.decode(IncidentDraft.self, from: revision.previous, key: nil, binding: binding)
            revision.previous = try StoredJSON.encode(previous, sealedWith: incidentKey, binding: binding)
            try await revision.save(on: tx)
        }
        for revision in try await ProceedingRevision.query(on: tx).filter(\.$incident.$id == incidentID).all()
        where !StoredJSON.isSealed(revision.previous) {
            let binding = LegalProceedings.revisionBinding(try revision.requireID())
            let previous = try StoredJSON.decode(ProceedingDraft.self, from: revision.previous, key: nil, binding: binding)
            revision.previous = try StoredJSON.encode(previous, sealedWith: incidentKey, binding: binding)
            try await revision.save(on: tx)
        }
        for proceeding in try await Proceeding.query(on: tx).filter(\.$incident.$id == incidentID).all() {
            let draft = try LegalProceedings.open(proceeding, key: restricted ? nil : incidentKey)
            try LegalProceedings.store(draft, in: proceeding, key: restricted ? incidentKey : nil, now: proceeding.updatedAt)
            try await proceeding.save(on: tx)
        }
        for evidence in try await Evidence.query(on: tx).filter(\.$incident.$id == incidentID).all() {
            let fileKey = try EvidenceStore.openKey(of: evidence, with: restricted ? keys.documentation : incidentKey)
            evidence.keySealed = try EvidenceStore.sealKey(
                fileKey, evidenceID: evidence.requireID(), with: restricted ? incidentKey : keys.documentation)
            try await evidence.save(on: tx)
        }
    }
}

extension Optional {
    /// Maps the wrapped value with an async function.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
