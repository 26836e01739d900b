import Foundation
import HavenDomain

/// The interface strings, one table per language, loaded once at start from `Localization/<lang>.json`.
struct Localization: Sendable {
    let tables: [Language: [String: String]]

    /// Loads every language's table from the module's resources.
    static func load() throws -> Localization {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Localization") else {
                throw LocalizationError.missingTable(language.rawValue)
            }
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Localization(tables: tables)
    }

    /// The table for a language.
    func table(_ language: Language) -> [String: String] {
        tables[language] ?? [:]
    }

    /// One string; the key itself when missing (a test makes sure none is).
    func string(_ key: String, _ language: Language) -> String {
        tables[language]?[key] ?? key
    }
}
