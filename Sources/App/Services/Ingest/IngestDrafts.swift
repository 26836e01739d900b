import Fluent
import Foundation
import HavenDomain
import HavenIngest
import Vapor

/// Turns an extraction into drafts the documenter checks (nothing is stored until they save), and finds records that
/// already hold the same news.
struct IngestDrafts: Sendable {
    let incidents: Incidents

    /// The first sentence, for titles (at most `limit` characters).
    static func firstSentence(_ text: String, limit: Int = 160) -> String {
        let end = text.firstIndex { ".!?".contains($0) }.map { text.index(after: $0) } ?? text.endIndex
        let sentence = text[..<end].trimmingCharacters(in: .whitespaces)
        return sentence.count <= limit ? sentence : String(sentence.prefix(limit - 1)) + "…"
    }

    static func incident(from item: Extraction, reference: String) -> IncidentDraft {
        var draft = IncidentDraft()
        draft.title = firstSentence(item.text)
        draft.description = item.text
        draft.startDate = item.dates.first?.value ?? ""
        draft.country = item.countries.first ?? ""
        draft.city = item.places.first { $0.country == draft.country }?.name ?? ""
        draft.types = Array(item.types.filter { $0.score >= 2 }.prefix(2).map(\.code))
        draft.participants = item.counts.first { $0.unit == "participants" }.map { String($0.value) } ?? ""
        draft.detainees = item.counts.first { $0.unit == "detainees" }.map { String($0.value) } ?? ""
        draft.victims = item.counts.first { ["victims", "men", "women", "activists"].contains($0.unit) }.map { String($0.value) } ?? ""
        draft.acts = [ActDraft()]
        var source = SourceDraft()
        source.kind = .news
        source.title = firstSentence(item.text, limit: 300)
        source.publishedOn = reference
        source.connection = "media"
        draft.sources = [source]
        return draft
    }

    static func publication(from item: Extraction, reference: String) -> PublicationDraft {
        var draft = PublicationDraft()
        switch item.kind {
        case .statement: draft.kind = .statement
        case .jointStatement: draft.kind = .jointStatement
        case .eventReport: draft.kind = .eventReport
        case .incidentReport, .other: draft.kind = .news
        }
        draft.originalLanguage = item.language
        draft.title = Translations([item.language: firstSentence(item.text, limit: 200)])
        draft.body = Translations([item.language: item.text])
        draft.date = item.dates.first { $0.precision == .day }?.value ?? reference
        draft.countries = item.countries
        draft.categories = Array(item.headings.prefix(1).map(\.name))
        if item.kind == .jointStatement { draft.signatories = item.organisations.map(\.name) }
        draft.participants = item.counts.first { $0.unit == "participants" }.map { String($0.value) } ?? ""
        return draft
    }

    /// Incidents (public or internal) whose description is this text, or shares at least half its three-word runs.
    func duplicates(of text: String, on db: any Database) async throws -> [IngestDuplicate] {
        let words = SearchText.words(text)
        let probe = Array(Set(words.filter { $0.count >= 6 })).sorted { $0.count > $1.count }.prefix(3)
        guard !probe.isEmpty else { return [] }
        var filter = IncidentFilter()
        filter.text = probe.joined(separator: " ")
        let candidates = try await incidents.list(filter, on: db).result.rows.filter { $0.confidentiality != .restricted }
        let shingles = Self.shingles(words)
        var found: [IngestDuplicate] = []
        for candidate in try await incidents.clearDescriptions(of: candidates.map(\.code), on: db) {
            let otherShingles = Self.shingles(SearchText.words(candidate.description))
            let overlap = Double(shingles.intersection(otherShingles).count) / Double(max(1, min(shingles.count, otherShingles.count)))
            let isExact = SearchText.fold(candidate.description) == SearchText.fold(text)
            if isExact || overlap >= 0.5 { found.append(IngestDuplicate(code: candidate.code, title: candidate.title, isExact: isExact)) }
        }
        return found
    }

    private static func shingles(_ words: [String]) -> Set<String> {
        Set(words.indices.dropLast(2).map { words[$0..<($0 + 3)].joined(separator: " ") })
    }
}
