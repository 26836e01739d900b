import Foundation

/// URL slugs from titles in any script: lower-case ASCII letters, digits and dashes (Cyrillic and Romanian letters
/// transliterated), at most 80 characters.
public enum Slug {
    public static func make(_ title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for original in folded {
            let latin: String = cyrillic[original] ?? String(original)
            for character in latin {
                if character.isASCII, character.isLetter || character.isNumber {
                    slug.append(character)
                } else if !slug.hasSuffix("-") {
                    slug.append("-")
                }
            }
        }
        let trimmed = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(80))
        return trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : (trimmed.isEmpty ? "publication" : trimmed)
    }

    /// Russian, Ukrainian and Kazakh letters in Latin (a simple, readable transliteration; folding already made
    /// ё → е and й → и).
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "ye", "ґ": "g",
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    ]
}
