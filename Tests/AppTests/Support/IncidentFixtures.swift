import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

/// The fields of the one-flow form for a typical incident; `extra` adds or replaces fields.
func incidentFields(
    title: String = "Activist fined for “propaganda” in Khabarovsk", confidentiality: String = "internal",
    victim: String = "Marker Victim", types: [String] = ["V4.1", "V4"], extra: [(String, String)] = []
) -> [(String, String)] {
    var fields: [(String, String)] = [
        ("title", title), ("description", "The court of Хабаровска imposed a fine after an “expert” opinion."),
        ("startDate", "2020-06"), ("endDate", ""), ("country", "RU"), ("region", "Khabarovsk Krai"), ("city", "Хабаровск"),
        ("placeDetail", "Courtroom 4, Lenin street"), ("victims", "1"), ("participants", ""),
        ("detainees", ""), ("violationStatus", "confirmed"), ("reliability", "reliable"), ("verification", "verified"),
        ("confidentiality", confidentiality),
        ("acts[0][id]", ""), ("acts[0][victim]", victim), ("acts[0][type]", "V4.1"), ("acts[0][date]", "2020-06-08"),
        ("acts[0][placeType]", "court"), ("acts[0][status]", "fined"), ("acts[0][consequences]", "Fined 50,000 roubles"),
        ("acts[0][perpetrator]", ""), ("acts[0][perpetratorType]", "judiciary"), ("acts[0][degree]", "carried_out"),
        ("sources[0][id]", ""), ("sources[0][kind]", "news"), ("sources[0][title]", "Court ruling reported"),
        ("sources[0][url]", "https://example.org/news/1"), ("sources[0][publishedOn]", "2020-06-09"),
        ("sources[0][reliability]", "reliable"),
        ("sources[0][connection]", "media"),
    ]
    fields += types.map { ("types[]", $0) }
    for (name, value) in extra {
        if let index = fields.firstIndex(where: { $0.0 == name && !name.hasSuffix("[]") }) {
            fields[index].1 = value
        } else {
            fields.append((name, value))
        }
    }
    return fields
}

/// Records an incident over HTTP as `browser`; returns its code.
func recordIncident(_ browser: Browser, _ fields: [(String, String)] = incidentFields()) async throws -> String {
    let created = try await browser.submit("/app/incidents", pairs: fields)
    let problems = created.body.components(separatedBy: "field-error").dropFirst().map { String($0.prefix(120)) }
    #expect(created.status == .seeOther, "\(problems)")
    let location = created.location ?? ""
    try #require(!location.isEmpty)
    return String(location.dropFirst("/app/incidents/".count))
}
