import HavenDomain

/// What kind of text an item is, from a few signals.
enum KindRules {
    static func kind(of document: Document, types: [Suggestion]) -> ItemKind {
        let prefixes = document.prefixes
        let text = document.joined
        func has(_ stems: [String]) -> Bool {
            stems.contains { stem in stem.contains(" ") ? text.contains(stem) : prefixes.contains(Substring(stem)) }
        }
        if has([
            "signed the statement", "joint statement", "signed a statement", "совместное заявление", "подписали", "declaratie comuna",
            "au semnat",
        ]) {
            return .jointStatement
        }
        if has(["march", "pride", "марш", "шестви", "mars", "festival", "фестивал"]),
            has(["participant", "участник", "participanti", "organized", "организова", "organizat"])
        {
            return .eventReport
        }
        if has([
            "statement", "заявлени", "declarati", "opinion", "мнени", "position", "позици", "pozitia", "cannot stay", "не может остаться",
        ]) {
            return .statement
        }
        if types.contains(where: { $0.score >= 2 }) { return .incidentReport }
        return .other
    }
}
