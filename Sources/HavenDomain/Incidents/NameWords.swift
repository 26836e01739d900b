/// Words that join names rather than name anyone ("of", "из", "de", "van"): left out when names are compared, so
/// "Ion de la Munte" is not offered as the same person as "Maria de Sousa", and "de" in a public text flags no one.
public enum NameWords {
    /// Folded filler words in English, Russian, Romanian and the name particles common in the region.
    public static let fillers: Set<String> = [
        "of", "the", "and", "at", "in", "on", "from", "mr", "mrs", "ms", "dr",
        "из", "и", "от", "на", "в", "у", "с", "до", "по", "за",
        "de", "la", "din", "si", "cu", "lui", "al", "ale", "pe", "dl", "dna",
        "van", "von", "der", "den", "da", "di", "du", "del", "le", "el", "bin", "ibn", "ben", "oglu", "ogly", "kyzy", "uly",
    ]

    /// The words of a name worth comparing: folded, two letters or more, without fillers.
    public static func significant(_ words: [String]) -> [String] {
        words.filter { $0.count >= 2 && !fillers.contains($0) }
    }
}
