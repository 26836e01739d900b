import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// Writes synthetic incidents straight into the tables in large transactions, the way `Incidents.write` lays them out
/// (clear or sealed narrative, facets, folded index document), so the search benchmark can reach a million rows quickly.
struct BenchFiller {
    let app: Application
    var corpus: BenchCorpus

    /// Where incidents happen, most often first (the benchmark's filters pick from the front).
    static let countries = ["RU", "MD", "KZ", "UA", "GE", "BY", "AM", "AZ", "KG", "UZ", "TJ", "RO", "TR", "PL", "HU"]
    static let batch = 1_000

    init(app: Application, corpus: BenchCorpus) {
        self.app = app
        self.corpus = corpus
    }

    mutating func fill(from start: Int, to end: Int, progress: (Int) -> Void) async throws {
        let key = SymmetricKey(size: .bits256)
        let types = Vocabulary.incidentTypes.terms.filter { $0.parent != nil }.map(\.code)
        let perpetrators = Vocabulary.perpetratorTypes.terms.map(\.code)
        let now = Date()
        var next = start
        while next < end {
            let size = min(Self.batch, end - next)
            var incidents: [[any SQLExpression]] = []
            var facets: [[any SQLExpression]] = []
            var documents: [[any SQLExpression]] = []
            for offset in 0..<size {
                let seq = next + offset + 1
                let id = UUID()
                let roll = corpus.number(100)
                let confidentiality: Confidentiality = roll < 20 ? .public : roll < 90 ? .internal : .restricted
                let title = corpus.text(5 + corpus.number(6))
                let narrative = IncidentNarrative(
                    title: title, description: corpus.text(25 + corpus.number(40)), region: corpus.text(1),
                    city: corpus.text(1), placeDetail: "")
                let sealing = confidentiality == .restricted ? key : nil
                let body = try StoredJSON.encode(narrative, sealedWith: sealing, binding: Incidents.narrativeBinding(id))
                let start = date()
                let chosen = Array(
                    Set(
                        (0...corpus.number(2)).map { _ in
                            types[min(types.count - 1, Int(Double(types.count) * pow(Double(corpus.number(1000)) / 1000, 2)))]
                        }))
                let perpetrator = perpetrators[corpus.number(perpetrators.count)]
                let verification = VerificationStatus.allCases[corpus.number(3)]
                let country = Self.countries[
                    min(Self.countries.count - 1, Int(Double(Self.countries.count) * pow(Double(corpus.number(1000)) / 1000, 2.5)))]
                incidents.append([
                    SQLBind(id), SQLBind(seq), SQLBind(String(format: "I-%06X", seq)), SQLBind(confidentiality.rawValue),
                    SQLBind(sealing == nil ? title : ""), SQLBind(body), SQLBind(country), SQLBind(start.description),
                    SQLBind(start.earliestDay),
                    SQLBind(start.latestDay), SQLBind(["confirmed", "likely", "possible", "unknown"][corpus.number(4)]),
                    SQLBind(["reliable", "fairly_reliable", "unknown"][corpus.number(3)]), SQLBind(verification.rawValue),
                    SQLBind(1 + corpus.number(5)), SQLBind(now), SQLBind(now),
                ])
                let facetSet = Incidents.facets(types: chosen, perpetratorTypes: sealing == nil ? [perpetrator] : [])
                for facet in facetSet.sorted() { facets.append([SQLBind(seq), SQLBind(facet)]) }
                let tokens = FacetTokens.tokens(
                    country: country, confidentiality: confidentiality, verification: verification, facets: facetSet,
                    from: start.earliestDay, to: start.latestDay)
                let document = sealing == nil ? Incidents.searchDocument(narrative, sourceTitles: [corpus.text(4)]) : ""
                documents.append([SQLBind(seq), SQLBind(document), SQLBind(tokens.joined(separator: " "))])
            }
            let database = app.db
            let (incidentRows, facetRows, documentRows, last) = (incidents, facets, documents, next + size)
            try await database.transaction { db in
                let tx = db as! any SQLDatabase
                try await tx.insert(into: "incidents")
                    .columns(
                        "id", "seq", "code", "confidentiality", "title", "body", "country", "start_date", "start_from", "end_to",
                        "violation_status", "reliability", "verification", "victims", "created_at", "updated_at"
                    )
                    .rows(incidentRows).run()
                try await tx.insert(into: "incident_facets").columns("incident_seq", "facet").rows(facetRows).run()
                try await tx.insert(into: "incident_search").columns("rowid", "document", "facets").rows(documentRows).run()
                try await Counters.raise("incidents", to: last, on: db)
            }
            next += size
            if next % 100_000 == 0 || next == end { progress(next) }
        }
    }

    /// A start date between 2010 and 2026: mostly exact days, some months, years and estimates.
    private mutating func date() -> PartialDate {
        let year = 2010 + corpus.number(17)
        let month = 1 + corpus.number(12)
        let day = 1 + corpus.number(28)
        switch corpus.number(100) {
        case 0..<70: return PartialDate(year: year, month: month, day: day)!
        case 70..<90: return PartialDate(year: year, month: month)!
        case 90..<98: return PartialDate(year: year)!
        default: return PartialDate(year: year, isEstimate: true)!
        }
    }
}
