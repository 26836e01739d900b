import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

/// The editor's fields for a publication; `extra` adds fields (repeatable ones like `signatories[]` too).
func publicationFields(
    title: String = "Statement on the constitutional vote", kind: String = "statement", body: String = "We cannot stay aside.",
    extra: [(String, String)] = []
) -> [(String, String)] {
    var fields: [(String, String)] = [
        ("kind", kind), ("originalLanguage", "en"), ("date", "2020-06-25"), ("title[en]", title),
        ("summary[en]", "Our position."), ("body[en]", body), ("countries[]", "RU"), ("categories[]", "freedom_of_expression"),
    ]
    for (name, value) in extra {
        if !name.hasSuffix("[]"), let index = fields.firstIndex(where: { $0.0 == name }) {
            fields[index].1 = value
        } else {
            fields.append((name, value))
        }
    }
    return fields
}

/// Writes a publication as `browser` and (unless `publish` is false) publishes it now; returns its slug.
func writePublication(_ browser: Browser, _ fields: [(String, String)] = publicationFields(), publish: Bool = true) async throws -> String {
    let created = try await browser.submit("/app/publications", pairs: fields)
    let location = created.location ?? ""
    #expect(created.status == .seeOther, "\(created.body.components(separatedBy: "field-error").dropFirst().map { $0.prefix(120) })")
    try #require(location.hasPrefix("/app/publications/"))
    let slug = String(location.dropFirst("/app/publications/".count))
    if publish {
        #expect(try await browser.submit(location + "/status", ["status": "published", "publishAt": ""]).status == .seeOther)
    }
    return slug
}
