/// The language of a news item: Cyrillic is Russian; Romanian letters or words make Romanian; otherwise English.
enum LanguageGuess {
    static let romanianWords: Set<String> = [
        "si", "in", "pentru", "este", "care", "au", "fost", "din", "cu", "pe", "la", "lor", "sau", "dupa", "fara", "unui", "unei", "ale",
    ]
    static let englishWords: Set<String> = [
        "the", "and", "of", "to", "was", "were", "is", "for", "on", "with", "that", "by", "from", "has",
    ]

    static let romanianLetterSet: Set<Character> = Set("ăâîșşțţĂÂÎȘŞȚŢ")

    static func language(of document: Document) -> String {
        let letters = document.characters.filter(\.isLetter)
        guard !letters.isEmpty else { return "en" }
        let cyrillic = letters.filter { ("\u{0400}"..."\u{04FF}").contains($0) }.count
        if cyrillic * 2 > letters.count { return "ru" }
        let romanianLetters = letters.filter(romanianLetterSet.contains).count
        let folded = document.words.map(\.folded)
        let romanian = folded.filter(romanianWords.contains).count + romanianLetters * 2
        let english = folded.filter(englishWords.contains).count
        return romanian > english ? "ro" : "en"
    }
}
