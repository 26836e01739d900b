/// Numbers and what they count: "approximately 350 participants", "52 … organizations", "Two men", "двое мужчин".
enum CountFinder {
    /// What is counted, by folded word form → the unit reported.
    static let units: [String: String] = {
        var units: [String: String] = [:]
        for (unit, forms) in [
            ("participants", ["participants", "participant", "участников", "участника", "участники", "participanti", "participantii"]),
            ("people", ["people", "persons", "person", "человек", "человека", "людеи", "persoane", "oameni"]),
            (
                "organisations",
                [
                    "organisations", "organizations", "organisation", "organization", "organizatii", "organizatiile", "организации",
                    "организациями", "организаций", "организации",
                ]
            ),
            ("men", ["men", "мужчин", "мужчины", "barbati"]), ("women", ["women", "женщин", "женщины", "femei"]),
            ("activists", ["activists", "активистов", "активиста", "activisti"]),
            ("victims", ["victims", "пострадавших", "жертв", "victime"]),
            ("detainees", ["detainees", "detained", "задержанных", "retinuti"]), ("arrests", ["arrests", "задержании", "арестов"]),
            ("days", ["days", "суток", "днеи", "zile"]), ("years", ["years", "лет", "ani"]),
        ] {
            for form in forms { units[form] = unit }
        }
        return units
    }()

    static let numberWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100, "двое": 2, "трое": 3, "два": 2, "две": 2, "три": 3, "четверо": 4,
        "пятеро": 5,
        "doi": 2, "doua": 2, "trei": 3, "patru": 4, "cinci": 5,
    ]

    static func counts(in document: Document) -> [FoundCount] {
        let words = document.words
        var found: [FoundCount] = []
        for index in words.indices {
            let word = words[index]
            let value: Int?
            if word.text.allSatisfy(\.isNumber), word.text.count <= 7,
                DateFinder.year(word.text) == nil || index + 1 < words.count && units[words[index + 1].folded] != nil
            {
                value = Int(word.text)
            } else {
                value = numberWords[word.folded]
            }
            guard let value, value > 0 else { continue }
            // The counted noun within the next six words (adjectives such as "Russian and International human rights" may come between).
            for offset in 1...6 where index + offset < words.count {
                if DateFinder.monthNames[words[index + offset].folded] != nil, offset == 1 { break }
                if let unit = units[words[index + offset].folded] {
                    if unit == "years" || unit == "days", offset > 1 { break }
                    found.append(FoundCount(value: value, unit: unit, span: document.span(words: index...(index + offset))))
                    break
                }
            }
        }
        return found
    }
}
