import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Two person records for one person become one.
extension Persons {
    /// Why a merge is refused.
    enum MergeRefusal: Error {
        /// Both codes name the same record.
        case samePerson
    }

    /// Merges a duplicate person record into the survivor, irreversibly and in one audited transaction: acts naming the
    /// duplicate name the survivor (restricted acts, which name persons only inside their sealed details, find it
    /// through the merge record); the duplicate's names, contacts and notes are added to the survivor's; the
    /// duplicate's identity is deleted; its code redirects to the survivor.
    func merge(
        _ duplicate: Person, into survivor: Person, key: SymmetricKey, by staff: SignedInStaff, now: Date = Date(), on db: any Database
    )
        async throws
    {
        let duplicateID = try duplicate.requireID()
        let survivorID = try survivor.requireID()
        guard duplicateID != survivorID else { throw MergeRefusal.samePerson }
        let merged = Self.merged(try Self.open(survivor, key: key), with: try Self.open(duplicate, key: key))
        let sealed = try seal(merged, id: survivorID, key: key)
        try await audit.transaction(on: db) { tx, audit in
            survivor.identitySealed = sealed
            try await survivor.save(on: tx)
            try await replaceTokens(of: survivorID, identity: merged, on: tx)
            try await Act.query(on: tx).filter(\.$victim.$id == duplicateID).set(\.$victim.$id, to: survivorID).update()
            try await Act.query(on: tx).filter(\.$perpetrator.$id == duplicateID).set(\.$perpetrator.$id, to: survivorID).update()
            try await MergedRecord.record(
                table: Person.schema, merged: duplicateID, code: duplicate.code, into: survivorID, at: now, on: tx)
            try await PersonNameToken.query(on: tx).filter(\.$person.$id == duplicateID).delete()
            try await duplicate.delete(on: tx)
            try await audit.append(actor: staff.actor, action: "person.merge", table: Person.schema, id: duplicateID.uuidString, at: now)
        }
    }

    /// The survivor's identity with what the duplicate adds: its name and other names as other names, contacts and notes
    /// appended; the survivor's own answers win where both have one.
    static func merged(_ survivor: PersonIdentity, with duplicate: PersonIdentity) -> PersonIdentity {
        var result = survivor
        let known = Set(([survivor.name] + survivor.otherNames.split(separator: ",").map(String.init)).map(normalizedName))
        let added = ([duplicate.name] + duplicate.otherNames.split(separator: ",").map(String.init))
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && !known.contains(normalizedName($0)) }
        result.otherNames = ([survivor.otherNames.trimmingCharacters(in: .whitespacesAndNewlines)] + added).filter { !$0.isEmpty }
            .joined(separator: ", ")
        for (field, extra) in [(\PersonIdentity.contacts, duplicate.contacts), (\PersonIdentity.notes, duplicate.notes)] {
            let trimmed = extra.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !result[keyPath: field].contains(trimmed) else { continue }
            result[keyPath: field] = [result[keyPath: field], trimmed].filter { !$0.isEmpty }.joined(separator: "\n")
        }
        if result.dateOfBirth.isEmpty { result.dateOfBirth = duplicate.dateOfBirth }
        if result.sexualOrientation == .unknown { result.sexualOrientation = duplicate.sexualOrientation }
        if result.genderIdentity == .unknown { result.genderIdentity = duplicate.genderIdentity }
        if result.intersexStatus == .unknown { result.intersexStatus = duplicate.intersexStatus }
        result.vulnerabilities += duplicate.vulnerabilities.filter { !result.vulnerabilities.contains($0) }
        return result
    }

    private static func normalizedName(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
