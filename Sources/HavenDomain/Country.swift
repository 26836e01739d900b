import Foundation

/// A country by its ISO 3166-1 alpha-2 code, with names in every interface language (from the system's CLDR data).
///
///     Country(code: "md")?.name(.ro)     // "Republica Moldova"
///     Country.named("Молдова")?.code      // "MD"
public struct Country: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// Upper-case ISO 3166-1 alpha-2, e.g. `MD`.
    public let code: String

    public var id: String { code }
    public var description: String { code }

    /// The country with this code (any case); nil for codes that are not ISO 3166-1 countries.
    public init?(code: String) {
        let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard Self.names[upper] != nil else { return nil }
        self.code = upper
    }

    private init(known code: String) {
        self.code = code
    }

    /// The country's name in a language.
    public func name(_ language: Language) -> String {
        Self.names[code]?[language] ?? code
    }

    /// Every country: the 249 ISO 3166-1 codes and Kosovo's user-assigned `XK`, in code order.
    public static let all: [Country] = names.keys.sorted().map(Country.init(known:))

    /// Every country sorted by its name in a language (for menus).
    public static func sorted(for language: Language) -> [Country] {
        let locale = Locale(identifier: language.rawValue)
        return all.sorted { $0.name(language).compare($1.name(language), locale: locale) == .orderedAscending }
    }

    /// The country whose name in any language matches the text, ignoring case and diacritics ("Moldova", "Молдова").
    public static func named(_ text: String) -> Country? {
        byFoldedName[fold(text)].map(Country.init(known:))
    }

    /// Region codes CLDR knows that are not countries in ISO 3166-1 (reserved, supranational or private-use).
    static let notCountries: Set<String> = ["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN"]

    static let names: [String: [Language: String]] = {
        var table: [String: [Language: String]] = [:]
        let locales = Language.allCases.map { ($0, Locale(identifier: $0.rawValue)) }
        for region in Locale.Region.isoRegions {
            let code = region.identifier
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }), !notCountries.contains(code) else { continue }
            var names: [Language: String] = [:]
            for (language, locale) in locales { names[language] = locale.localizedString(forRegionCode: code) ?? code }
            table[code] = names
        }
        return table
    }()

    static let byFoldedName: [String: String] = {
        var index: [String: String] = [:]
        for (code, names) in names {
            for name in names.values { index[fold(name)] = code }
        }
        return index
    }()

    static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en"))
            .replacingOccurrences(of: "ё", with: "е")
    }
}
