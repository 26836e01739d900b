/// Sentences in the style of the organisations' news, for the ingest benchmark: items are made by recombining them.
public enum SampleNews {
    public static let sentences = [
        "On June 8, an LGBT activist from Khabarovsk was found guilty of “a propaganda of nontraditional sexual relations among minors”.",
        "A judge imposed an administrative penalty.",
        "Two men arrived in Moscow in February 2020 after fleeing violence from their parents in Kazakhstan.",
        "52 Russian and International human rights organizations signed the statement, delivered at the UN Human Rights Council in Genève.",
        "On May 19th, GENDERDOC-M organized the annual march of equality in Chișinău with approximately 350 participants.",
        "The Ministry of Interior provided protection despite the counter-protesters.",
        "A year has passed since the first testimonies of persecution in Chechnya; unlawful detentions and torture persist in the Northern Caucasus.",
        "Police in Kazan detained two gay men after a date arranged through a dating app on March 3.",
        "8 июня 2020 года суд в Хабаровске оштрафовал активистку за «пропаганду».",
        "В феврале 2021 года двое мужчин бежали из Казахстана после насилия со стороны родителей.",
        "Pe 19 mai 2019, aproximativ 350 de participanți au mers în marșul egalității de la Chișinău.",
        "În februarie 2022, un tânăr din Bălți a fost bătut de tatăl său; GENDERDOC-M i-a oferit adăpost.",
        "Human Rights Watch called on the authorities of Uzbekistan to repeal the article that criminalises relations between men.",
        "Three activists were beaten by unknown men after a film screening in Tbilisi on May 17.",
    ]

    /// `count` items of two to four sentences each, the same every run.
    public static func items(_ count: Int) -> [String] {
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<(2 + next(3))).map { _ in sentences[next(sentences.count)] }.joined(separator: " ") }
    }
}
