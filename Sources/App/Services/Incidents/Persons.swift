import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Persons: sealed identities, codes, and duplicate checks by keyed hashes of name words.
struct Persons: Sendable {
    let audit: AuditLog
    let lookupKey: LookupKey

    static func identityBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: Person.schema, recordID: id.uuidString, field: "identity")
    }

    /// Keyed hashes of the folded words (two letters or more) of a person's names; the database never sees a name.
    func nameTokens(_ names: String) -> Set<String> {
        Set(SearchText.words(names).filter { $0.count >= 2 }.map(nameToken))
    }

    /// The keyed hash of one folded name word.
    private func nameToken(_ word: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("person-name|\(word)".utf8), using: lookupKey.key).hexString
    }

    /// The words of a text (three letters or more, folded) that are a word of a recorded person's name or other names,
    /// found by their keyed hashes, so no name is opened or compared in clear; and those among `typedNames` (names
    /// typed in the same form, not yet stored).
    func nameWords(in text: String, typedNames: [String] = [], on db: any Database) async throws -> [String] {
        let words = Array(Set(NameWords.significant(SearchText.words(text)).filter { $0.count >= 3 })).sorted()
        guard !words.isEmpty else { return [] }
        var byToken: [String: String] = [:]
        for word in words { byToken[nameToken(word)] = word }
        // Public texts are bounded (a title and a summary per language): a few thousand words at most, one query.
        let matches = try await PersonNameToken.query(on: db).filter(\.$token ~~ Array(byToken.keys)).all()
        var found = Set(matches.compactMap { byToken[$0.token] })
        let typed = Set(NameWords.significant(typedNames.flatMap { SearchText.words($0) }).filter { $0.count >= 3 })
        found.formUnion(words.filter(typed.contains))
        return found.sorted()
    }

    /// Understands what was typed for a person: a known code, a confirmed choice (`choice` is a code or `new`), or a
    /// name, which is checked against recorded names first.
    func resolve(typed: String, choice: String?, on db: any Database) async throws -> PersonResolution {
        let name = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if let choice, let code = RecordCode.normalized(choice, prefix: "P"), let person = try await Person.find(on: db, code: code) {
            return .resolved(.existing(person))
        }
        if let code = RecordCode.normalized(name, prefix: "P"), let person = try await Person.find(on: db, code: code) {
            return .resolved(.existing(person))
        }
        if choice == "new" { return .resolved(.new(name: name)) }
        let similar = try await suggestions(for: name, on: db)
        return similar.isEmpty ? .resolved(.new(name: name)) : .offer(similar)
    }

    /// Recorded persons sharing words with a name, most shared words first.
    func suggestions(for name: String, limit: Int = 5, on db: any Database) async throws -> [Person] {
        let tokens = Array(Set(NameWords.significant(SearchText.words(name)).map(nameToken)))
        guard !tokens.isEmpty else { return [] }
        let matches = try await PersonNameToken.query(on: db).filter(\.$token ~~ tokens).all()
        let counts = Dictionary(grouping: matches, by: \.$person.id).mapValues(\.count)
        let best = counts.sorted { $0.value > $1.value }.prefix(limit).map(\.key)
        let persons = try await Person.query(on: db).filter(\.$id ~~ best).all()
        return best.compactMap { id in persons.first { $0.id == id } }
    }

    /// A new person with a sealed identity and name hashes, created inside the caller's transaction.
    func create(_ identity: PersonIdentity, key: SymmetricKey, on db: any Database, now: Date = Date()) async throws -> Person {
        let id = UUID()
        var code = RecordCode.random(prefix: "P")
        while try await Person.find(on: db, code: code) != nil { code = RecordCode.random(prefix: "P") }
        let person = Person(id: id, code: code, identitySealed: try seal(identity, id: id, key: key), at: now)
        try await person.create(on: db)
        try await replaceTokens(of: id, identity: identity, on: db)
        return person
    }

    /// The person with a code, or the one it was merged into; 404 for none.
    func record(code typed: String?, on db: any Database) async throws -> Person {
        guard let code = typed.flatMap({ RecordCode.normalized($0, prefix: "P") }) else { throw Abort(.notFound) }
        if let person = try await Person.find(on: db, code: code) { return person }
        guard let survivor = try await MergedRecord.survivor(table: Person.schema, code: code, on: db),
            let person = try await Person.find(survivor, on: db)
        else { throw Abort(.notFound) }
        return person
    }

    /// A person's identity for a reader, audited, with the incidents they appear in that are not restricted.
    func read(_ person: Person, key: SymmetricKey, by staff: SignedInStaff, on db: any Database) async throws -> OpenedPerson {
        let id = try person.requireID()
        let identity = try Self.open(person, key: key)
        try await audit.append(on: db, actor: staff.actor, action: "person.read", table: Person.schema, id: id.uuidString)
        return OpenedPerson(code: person.code, identity: identity, appearances: try await appearances(of: id, on: db))
    }

    /// The incidents, not restricted, whose acts name a person, newest first.
    func appearances(of personID: UUID, on db: any Database) async throws -> [(code: String, title: String)] {
        let acts = try await Act.query(on: db).group(.or) { $0.filter(\.$victim.$id == personID).filter(\.$perpetrator.$id == personID) }
            .all()
        return try await Incident.query(on: db).filter(\.$id ~~ Set(acts.map(\.$incident.id))).filter(\.$confidentiality != .restricted)
            .sort(\.$startFrom, .descending).all().map { ($0.code, $0.title) }
    }

    /// Replaces a person's identity and name hashes, audited.
    func update(_ person: Person, identity: PersonIdentity, key: SymmetricKey, by staff: SignedInStaff, on db: any Database) async throws {
        let id = try person.requireID()
        let sealed = try seal(identity, id: id, key: key)
        try await audit.transaction(on: db) { tx, audit in
            person.identitySealed = sealed
            try await person.save(on: tx)
            try await replaceTokens(of: id, identity: identity, on: tx)
            try await audit.append(actor: staff.actor, action: "person.update", table: Person.schema, id: id.uuidString)
        }
    }

    /// Persons by id with their names opened (the persons an incident's acts name); a merged person's id gives the
    /// survivor.
    func named(_ ids: [UUID], key: SymmetricKey, on db: any Database) async throws -> [UUID: OpenedIncident.NamedPerson] {
        guard !ids.isEmpty else { return [:] }
        var named: [UUID: OpenedIncident.NamedPerson] = [:]
        let survivors = try await MergedRecord.survivors(table: Person.schema, of: ids, on: db)
        let wanted = Set(ids).union(survivors.values)
        for person in try await Person.query(on: db).filter(\.$id ~~ wanted).all() {
            named[try person.requireID()] = OpenedIncident.NamedPerson(code: person.code, name: try Self.open(person, key: key).name)
        }
        for (merged, survivor) in survivors { named[merged] = named[survivor] }
        return named
    }

    /// Recorded persons offered for a typed name, with their names opened.
    func offers(_ persons: [Person], key: SymmetricKey) throws -> [OpenedIncident.NamedPerson] {
        try persons.map { OpenedIncident.NamedPerson(code: $0.code, name: try Self.open($0, key: key).name) }
    }

    /// Opens a person's identity with the documentation key.
    static func open(_ person: Person, key: SymmetricKey) throws -> PersonIdentity {
        let id = try person.requireID()
        return try JSONDecoder().decode(
            PersonIdentity.self, from: Data(try FieldCipher.open(person.identitySealed, with: key, binding: identityBinding(id)).utf8))
    }

    func seal(_ identity: PersonIdentity, id: UUID, key: SymmetricKey) throws -> Data {
        try FieldCipher.seal(
            String(decoding: try JSONEncoder().encode(identity), as: UTF8.self), with: key, binding: Self.identityBinding(id))
    }

    func replaceTokens(of id: UUID, identity: PersonIdentity, on db: any Database) async throws {
        try await PersonNameToken.query(on: db).filter(\.$person.$id == id).delete()
        let tokens = nameTokens(identity.name + " " + identity.otherNames)
        try await tokens.map { PersonNameToken(personID: id, token: $0) }.create(on: db)
    }
}
