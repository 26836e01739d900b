/// An interface language Haven ships a localisation table for.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, ru, ro

    /// The language's own name, shown in the language switch.
    public var nativeName: String {
        switch self {
        case .en: return "English"
        case .ru: return "Русский"
        case .ro: return "Română"
        }
    }

    /// The best supported language for an `Accept-Language` header, honouring q-values; nil when none matches.
    ///
    ///     Language.preferred(acceptLanguage: "ro-MD,ro;q=0.9,en;q=0.5")  // .ro
    public static func preferred(acceptLanguage header: String) -> Language? {
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.filter { !$0.isWhitespace } }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0, let language = Language(rawValue: primary) else { continue }
            if best == nil || quality > best!.quality { best = (language, quality) }
        }
        return best?.language
    }
}
