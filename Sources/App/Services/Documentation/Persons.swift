import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Who a form row names: a person already recorded, or a new one to create with this name.
enum PersonReference: Sendable {
    case existing(Person)
    case new(name: String)
}

/// How a typed name or code was understood.
enum PersonResolution: Sendable {
    case resolved(PersonReference)
    /// Recorded persons share words of this name: the form offers them before a new person is made.
    case offer([Person])
}

/// Persons: sealed identities, codes, and duplicate checks by keyed hashes of name words.
enum Persons {
    static func identityBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Person.schema, recordID: id.uuidString, field: "identity") }

    /// Keyed hashes of the folded words (two letters or more) of a person's names; the database never sees a name.
    static func nameTokens(_ names: String, lookupKey: LookupKey) -> Set<String> {
        Set(SearchText.words(names).filter { $0.count >= 2 }.map {
            HMAC<SHA256>.authenticationCode(for: Data("person-name|\($0)".utf8), using: lookupKey.key).hexString
        })
    }

    /// Understands what was typed for a person: a known code, a confirmed choice (`choice` is a code or `new`), or a
    /// name, which is checked against recorded names first.
    static func resolve(typed: String, choice: String?, lookupKey: LookupKey, on db: any Database) async throws -> PersonResolution {
        let name = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if let choice, let code = RecordCode.normalized(choice, prefix: "P"), let person = try await Person.find(on: db, code: code) {
            return .resolved(.existing(person))
        }
        if let code = RecordCode.normalized(name, prefix: "P"), let person = try await Person.find(on: db, code: code) {
            return .resolved(.existing(person))
        }
        if choice == "new" { return .resolved(.new(name: name)) }
        let similar = try await suggestions(for: name, lookupKey: lookupKey, on: db)
        return similar.isEmpty ? .resolved(.new(name: name)) : .offer(similar)
    }

    /// Recorded persons sharing words with a name, most shared words first.
    static func suggestions(for name: String, lookupKey: LookupKey, limit: Int = 5, on db: any Database) async throws -> [Person] {
        let tokens = Array(nameTokens(name, lookupKey: lookupKey))
        guard !tokens.isEmpty else { return [] }
        let matches = try await PersonNameToken.query(on: db).filter(\.$token ~~ tokens).all()
        let counts = Dictionary(grouping: matches, by: \.$person.id).mapValues(\.count)
        let best = counts.sorted { $0.value > $1.value }.prefix(limit).map(\.key)
        let persons = try await Person.query(on: db).filter(\.$id ~~ best).all()
        return best.compactMap { id in persons.first { $0.id == id } }
    }

    /// A new person with a sealed identity and name hashes, created inside the caller's transaction.
    static func create(_ identity: PersonIdentity, key: SymmetricKey, lookupKey: LookupKey, on db: any Database, now: Date = Date()) async throws -> Person {
        let id = UUID()
        var code = RecordCode.random(prefix: "P")
        while try await Person.find(on: db, code: code) != nil { code = RecordCode.random(prefix: "P") }
        let person = Person(id: id, code: code, identitySealed: try seal(identity, id: id, key: key), at: now)
        try await person.create(on: db)
        try await replaceTokens(of: id, identity: identity, lookupKey: lookupKey, on: db)
        return person
    }

    /// Replaces a person's identity and name hashes.
    static func update(_ person: Person, identity: PersonIdentity, key: SymmetricKey, lookupKey: LookupKey, on db: any Database) async throws {
        let id = try person.requireID()
        person.identitySealed = try seal(identity, id: id, key: key)
        try await person.save(on: db)
        try await replaceTokens(of: id, identity: identity, lookupKey: lookupKey, on: db)
    }

    /// Opens a person's identity with the documentation key.
    static func open(_ person: Person, key: SymmetricKey) throws -> PersonIdentity {
        let id = try person.requireID()
        return try JSONDecoder().decode(PersonIdentity.self, from: Data(try FieldCipher.open(person.identitySealed, with: key, binding: identityBinding(id)).utf8))
    }

    private static func seal(_ identity: PersonIdentity, id: UUID, key: SymmetricKey) throws -> Data {
        try FieldCipher.seal(String(decoding: try JSONEncoder().encode(identity), as: UTF8.self), with: key, binding: identityBinding(id))
    }

    private static func replaceTokens(of id: UUID, identity: PersonIdentity, lookupKey: LookupKey, on db: any Database) async throws {
        try await PersonNameToken.query(on: db).filter(\.$person.$id == id).delete()
        let tokens = nameTokens(identity.name + " " + identity.otherNames, lookupKey: lookupKey)
        try await tokens.map { PersonNameToken(personID: id, token: $0) }.create(on: db)
    }
}
