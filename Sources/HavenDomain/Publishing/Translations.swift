import Foundation

/// Text in several languages inside one record: one value per language code (`en`, `ru`, `ro`, `kk` …).
public struct Translations: Sendable, Equatable, Codable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The text in a language, or the original's when there is none (`isFallback` true).
    public func text(in language: String, original: String) -> (text: String, isFallback: Bool) {
        if let text = values[language] { return (text, false) }
        return (values[original] ?? values.values.first ?? "", true)
    }

    /// The texts, or nil when there is none in any language.
    public var nonEmpty: Translations? { values.isEmpty ? nil : self }

    /// The languages the text exists in.
    public var languages: Set<String> { Set(values.keys) }
}
