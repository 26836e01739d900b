import HavenDomain

/// Organisations: a maintained list of known ones in their usual spellings, then capitalised names that end in (or
/// contain) a word organisations are named with ("Network", "Ministry", "Council", "Сеть" …).
enum OrganisationFinder {
    /// Known organisations: canonical name and the spellings news use.
    static let known: [(name: String, spellings: [String])] = [
        (
            "Russian LGBT Network",
            ["Russian LGBT Network", "LGBT Network", "Российская ЛГБТ-сеть", "Российской ЛГБТ-сети", "ЛГБТ-сеть", "ЛГБТ-сети"]
        ),
        ("GENDERDOC-M", ["GENDERDOC-M", "Genderdoc-M", "ГЕНДЕРДОК-М"]),
        ("Article 19", ["Article 19", "ARTICLE 19", "Статья 19"]),
        (
            "UN Human Rights Council",
            [
                "UN Human Rights Council", "Human Rights Council", "United Nations Human Rights Council", "Совет ООН по правам человека",
                "Consiliul ONU pentru Drepturile Omului",
            ]
        ),
        (
            "Ministry of Interior",
            [
                "Ministry of Interior", "Ministry of Internal Affairs", "Ministry of the Interior", "МВД", "Министерство внутренних дел",
                "Ministerul Afacerilor Interne", "Ministerul de Interne",
            ]
        ),
        ("ILGA-Europe", ["ILGA-Europe", "ILGA Europe"]),
        ("Human Rights Watch", ["Human Rights Watch", "HRW"]),
        ("Amnesty International", ["Amnesty International", "Amnesty"]),
        ("Memorial", ["Memorial", "Мемориал", "Мемориала"]),
        ("Sphere Foundation", ["Sphere Foundation", "Фонд «Сфера»", "Сфера"]),
        ("Moscow Helsinki Group", ["Moscow Helsinki Group", "Московская Хельсинкская группа"]),
        ("Coming Out", ["Coming Out", "Выход"]),
        (
            "European Court of Human Rights",
            ["European Court of Human Rights", "ECtHR", "ЕСПЧ", "Европейский суд по правам человека", "CEDO"]
        ),
        ("OSCE", ["OSCE", "ОБСЕ", "OSCE/ODIHR", "ODIHR"]),
        ("Council of Europe", ["Council of Europe", "Совет Европы", "Consiliul Europei"]),
        (
            "Commissioner for Children's Rights",
            [
                "Commissioner for Children's Rights", "Commissioner for Children’s Rights", "уполномоченного по правам ребенка",
                "уполномоченный по правам ребенка",
            ]
        ),
        ("Investigative Committee", ["Investigative Committee", "Следственный комитет", "СК"]),
        ("Prosecutor's Office", ["Prosecutor's Office", "Prosecutor General's Office", "прокуратура", "прокуратуры", "Procuratura"]),
    ]

    /// Words organisation names are built with (folded).
    static let keywords: Set<String> = [
        "network", "ministry", "council", "committee", "commission", "commissioner", "foundation", "association", "centre",
        "center", "organisation", "organization", "union", "office", "group", "alliance", "coalition", "initiative", "fund",
        "court", "agency", "service", "institute", "sеть", "сеть", "фонд", "комитет", "министерство", "центр", "ассоциация",
        "asociatia", "centrul", "ministerul", "consiliul", "fundatia", "uniunea",
    ]

    static let connectors: Set<String> = ["of", "for", "the", "and", "on", "de", "pentru", "si", "по", "и"]

    /// Every known spelling as folded words, longest first.
    static let spellings: [(String, [String])] = known.flatMap { organisation in
        organisation.spellings.map { (organisation.name, Document($0).words.map(\.folded)) }
    }.sorted { $0.1.count > $1.1.count }

    /// The spellings by their first folded word.
    static let spellingsByFirstWord: [String: [(String, [String])]] = Dictionary(grouping: spellings, by: { $0.1.first ?? "" })

    /// Known spellings first, then capitalised runs with an organisation word; one pass each, with the words already
    /// taken and the names already found kept in sets.
    static func organisations(in document: Document) -> [FoundOrganisation] {
        var found: [FoundOrganisation] = []
        var foundNames: Set<String> = []
        let words = document.words
        var isTaken = [Bool](repeating: false, count: words.count)
        var index = 0
        while index < words.count {
            if let (name, parts) = (Self.spellingsByFirstWord[words[index].folded] ?? []).first(where: { _, parts in
                index + parts.count <= words.count && zip(words[index..<(index + parts.count)], parts).allSatisfy { $0.folded == $1 }
                    && (parts.count > 1 || words[index].isCapitalised || words[index].text.count > 3)
            }) {
                let range = index...(index + parts.count - 1)
                if foundNames.insert(SearchText.fold(name)).inserted {
                    found.append(FoundOrganisation(name: name, span: document.span(words: range)))
                }
                for taken in range { isTaken[taken] = true }
                index += parts.count
                continue
            }
            index += 1
        }
        // Capitalised runs (connectors allowed inside) containing an organisation word.
        index = 0
        while index < words.count {
            guard words[index].isCapitalised, !isTaken[index] else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < words.count, !isTaken[end + 1],
                words[end + 1].isCapitalised
                    || (connectors.contains(words[end + 1].folded) && end + 2 < words.count && words[end + 2].isCapitalised),
                !document.characters[words[end].end..<words[end + 1].start].contains(where: { ".,;:!?()«»\"“”".contains($0) })
            {
                end += 1
            }
            let run = words[index...end]
            if run.count >= 2, run.contains(where: { keywords.contains($0.folded) }) {
                let name = String(document.characters[words[index].start..<words[end].end])
                if foundNames.insert(SearchText.fold(name)).inserted {
                    found.append(FoundOrganisation(name: name, span: document.span(words: index...end)))
                }
            }
            index = end + 1
        }
        return found.sorted { $0.span.start < $1.span.start }
    }
}
