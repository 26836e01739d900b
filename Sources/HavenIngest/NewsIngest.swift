import Foundation
import HavenDomain

/// Splits pasted text into news items and extracts each.
public enum NewsIngest {
    /// Items separated by blank lines; spaces and extra blank lines do not matter.
    public static func items(in text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .split(whereSeparator: \.isEmpty)
            .map { $0.joined(separator: " ") }
    }

    /// Extracts one item; dates without a year are read relative to `reference` (their most recent past occurrence).
    public static func extract(_ text: String, reference: Date = Date()) -> Extraction {
        let document = Document(text)
        let language = LanguageGuess.language(of: document)
        let places = Gazetteer.places(in: document)
        let organisations = OrganisationFinder.organisations(in: document)
        let types = TypeRules.suggest(document)
        return Extraction(
            text: text, language: language, kind: KindRules.kind(of: document, types: types),
            dates: DateFinder.dates(in: document, reference: reference),
            countries: Gazetteer.countries(in: document, places: places, organisations: organisations), places: places,
            organisations: organisations, counts: CountFinder.counts(in: document),
            headings: TypeRules.headings(from: types, document: document), types: types)
    }
}
