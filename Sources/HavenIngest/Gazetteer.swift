import HavenDomain

/// Places of Eastern Europe, the Caucasus and Central Asia (and where statements are delivered) in English, Russian and
/// Romanian spellings and common transliterations, with their countries. Names are folded (`SearchText.fold`); Russian
/// entries list the inflected forms news use.
enum Gazetteer {
    /// A place name (one to three folded words) → its canonical name and country.
    static let places: [String: (name: String, country: String)] = {
        var table: [String: (String, String)] = [:]
        func add(_ name: String, _ country: String, _ spellings: [String]) {
            for spelling in spellings + [name] { table[SearchText.fold(spelling)] = (name, country) }
        }
        add("Moscow", "RU", ["Москва", "Москве", "Москву", "Москвы", "Moscova", "Moskva"])
        add(
            "Saint Petersburg", "RU",
            ["St Petersburg", "St. Petersburg", "Petersburg", "Санкт-Петербург", "Петербург", "Петербурге", "Sankt Petersburg"])
        add("Khabarovsk", "RU", ["Хабаровск", "Хабаровске", "Хабаровска", "Habarovsk"])
        add("Chechnya", "RU", ["Chechen Republic", "Чечня", "Чечне", "Чечни", "Чечню", "Cecenia", "Grozny", "Грозный", "Грозном"])
        add("North Caucasus", "RU", ["Northern Caucasus", "Северный Кавказ", "Северном Кавказе", "Северного Кавказа", "Caucazul de Nord"])
        add("Dagestan", "RU", ["Дагестан", "Дагестане", "Makhachkala", "Махачкала"])
        add("Ingushetia", "RU", ["Ингушетия", "Ингушетии"])
        add("Kazan", "RU", ["Казань", "Казани"])
        add("Yekaterinburg", "RU", ["Ekaterinburg", "Екатеринбург", "Екатеринбурге"])
        add("Novosibirsk", "RU", ["Новосибирск", "Новосибирске"])
        add("Krasnodar", "RU", ["Краснодар", "Краснодаре"])
        add("Chișinău", "MD", ["Chisinau", "Kishinev", "Кишинёв", "Кишинев", "Кишинёве", "Кишиневе"])
        add("Bălți", "MD", ["Balti", "Бельцы", "Бельцах"])
        add("Tiraspol", "MD", ["Тирасполь", "Тирасполе", "Transnistria", "Приднестровье", "Приднестровья", "Transnistria"])
        add("Gagauzia", "MD", ["Гагаузия", "Gagauzia", "Comrat", "Комрат"])
        add("Almaty", "KZ", ["Алматы", "Alma-Ata", "Алма-Ата"])
        add("Astana", "KZ", ["Астана", "Астане", "Nur-Sultan", "Нур-Султан"])
        add("Shymkent", "KZ", ["Шымкент"])
        add("Bishkek", "KG", ["Бишкек", "Бишкеке"])
        add("Osh", "KG", ["Ош"])
        add("Tashkent", "UZ", ["Ташкент", "Ташкенте"])
        add("Samarkand", "UZ", ["Самарканд"])
        add("Dushanbe", "TJ", ["Душанбе"])
        add("Ashgabat", "TM", ["Ашхабад", "Ашхабаде"])
        add("Tbilisi", "GE", ["Тбилиси", "Batumi", "Батуми"])
        add("Yerevan", "AM", ["Ереван", "Ереване", "Erevan"])
        add("Baku", "AZ", ["Баку", "Baku"])
        add("Minsk", "BY", ["Минск", "Минске", "Gomel", "Гомель", "Brest", "Брест"])
        add("Kyiv", "UA", ["Kiev", "Киев", "Киеве", "Київ", "Kiev", "Kharkiv", "Харьков", "Odesa", "Odessa", "Одесса", "Lviv", "Львов"])
        add("Crimea", "UA", ["Крым", "Крыму", "Crimeea"])
        add("Bucharest", "RO", ["București", "Bucuresti", "Бухарест", "Cluj", "Iasi", "Iași"])
        add("Geneva", "CH", ["Genève", "Geneve", "Женева", "Женеве", "Geneva"])
        add("Strasbourg", "FR", ["Страсбург", "Страсбурге", "Strasbourg"])
        add("Vilnius", "LT", ["Вильнюс", "Вильнюсе"])
        add("Warsaw", "PL", ["Варшава", "Варшаве", "Varșovia"])
        add("Berlin", "DE", ["Берлин", "Берлине"])
        return table
    }()

    /// Country names in the forms news use that CLDR does not list (inflections, adjectives count less).
    static let countryForms: [String: String] = {
        var forms: [String: String] = [:]
        for (country, names) in [
            ("RU", ["россия", "россии", "россию", "россиеи", "российская федерация", "russian federation", "federatia rusa", "rusia"]),
            ("KZ", ["казахстан", "казахстана", "казахстане", "kazahstan"]),
            ("MD", ["молдова", "молдовы", "молдове", "молдавия", "молдавии", "republica moldova"]),
            ("UA", ["украина", "украины", "украине", "ucraina"]), ("BY", ["беларусь", "беларуси", "belarus", "белоруссия"]),
            ("GE", ["грузия", "грузии", "georgia"]), ("AM", ["армения", "армении", "armenia"]),
            ("AZ", ["азербаиджан", "азербаиджане", "azerbaidjan"]),
            ("KG", ["кыргызстан", "киргизия", "кыргызстане", "kirghizstan"]), ("UZ", ["узбекистан", "узбекистане", "uzbekistan"]),
            ("TJ", ["таджикистан", "таджикистане", "tadjikistan"]), ("TM", ["туркменистан", "туркменистане", "turkmenistan"]),
        ] {
            for name in names { forms[name] = country }
        }
        return forms
    }()

    /// Every country's name in every interface language, folded as the words are.
    static let countryNames: [String: String] = {
        var names: [String: String] = [:]
        for country in Country.all {
            for language in Language.allCases { names[SearchText.fold(country.name(language))] = country.code }
        }
        return names
    }()

    /// Adjectives that point to a country (weaker evidence than a name).
    static let adjectives: [String: String] = [
        "russian": "RU", "российскии": "RU", "российская": "RU", "российские": "RU", "rus": "RU", "rusa": "RU", "kazakh": "KZ",
        "kazakhstani": "KZ",
        "казахстанскии": "KZ", "moldovan": "MD", "молдавскии": "MD", "moldovenesc": "MD", "chechen": "RU", "чеченскии": "RU",
        "ukrainian": "UA",
        "belarusian": "BY", "georgian": "GE", "armenian": "AM", "azerbaijani": "AZ", "kyrgyz": "KG", "uzbek": "UZ", "tajik": "TJ",
    ]

    /// First words of names of more than one word: only these start a longer lookup.
    static let multiwordStarts: Set<String> = Set(
        (Array(places.keys) + Array(countryForms.keys) + Array(countryNames.keys))
            .filter { $0.contains(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// The phrases of one to three words starting at `index`, longest first (only single words unless a longer name may start there).
    static func phrases(at index: Int, in words: [Document.Word]) -> [(length: Int, key: String)] {
        guard multiwordStarts.contains(words[index].folded) else { return [(1, words[index].folded)] }
        return stride(from: 3, through: 1, by: -1).compactMap { length in
            index + length <= words.count ? (length, words[index..<(index + length)].map(\.folded).joined(separator: " ")) : nil
        }
    }

    /// Places named in the text, in order, longest names first where they overlap.
    static func places(in document: Document) -> [FoundPlace] {
        var found: [FoundPlace] = []
        var index = 0
        let words = document.words
        while index < words.count {
            var matched = false
            for (length, key) in phrases(at: index, in: words) {
                if let place = places[key],
                    length > 1 || words[index].isCapitalised
                        || words[index].text.first?.isLetter == true && !words[index].text.first!.isASCII
                {
                    found.append(
                        FoundPlace(name: place.name, country: place.country, span: document.span(words: index...(index + length - 1))))
                    index += length
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// Countries in order of relevance: named countries and places count twice, adjectives once; ties go to the first
    /// mentioned. One pass over the words: places and organisations are looked up by word index, never searched.
    static func countries(in document: Document, places: [FoundPlace], organisations: [FoundOrganisation] = []) -> [String] {
        var score: [String: Int] = [:]
        var first: [String: Int] = [:]
        func note(_ code: String, _ weight: Int, at position: Int) {
            score[code, default: 0] += weight
            first[code] = min(first[code] ?? position, position)
        }
        let words = document.words
        for place in places {
            note(
                place.country, origin(beforeWord: document.wordIndex(startingAt: place.span.start) ?? 0, in: document) ? 3 : 2,
                at: place.span.start)
        }
        let placeStarts = Set(places.map(\.span.start))
        var insideOrganisation = [Bool](repeating: false, count: words.count)
        for organisation in organisations {
            var index = document.wordIndex(startingAt: organisation.span.start) ?? words.count
            while index < words.count, words[index].start < organisation.span.end {
                insideOrganisation[index] = true
                index += 1
            }
        }
        var index = 0
        while index < words.count {
            var consumed = 1
            for (length, phrase) in phrases(at: index, in: words) {
                if let code = countryForms[phrase]
                    ?? (words[index].isCapitalised || !words[index].text.first!.isASCII ? countryNames[phrase] : nil),
                    !placeStarts.contains(words[index].start), !insideOrganisation[index]
                {
                    note(code, origin(beforeWord: index, in: document) ? 3 : 2, at: words[index].start)
                    consumed = length
                    break
                }
                if length == 1, let code = adjectives[phrase], !insideOrganisation[index] { note(code, 1, at: words[index].start) }
            }
            index += consumed
        }
        return score.keys.sorted { (score[$0]!, -first[$0]!) > (score[$1]!, -first[$1]!) }
    }

    static let flightVerbs: Set<String> = ["fled", "escaped", "flee", "бежали", "бежал", "сбежали", "уехали", "fugit", "plecat"]

    /// True when the word at `index` follows "fled from", "escaped from", "бежали из" …: where the people came from is
    /// where it happened. Looks at the three words before it only.
    static func origin(beforeWord index: Int, in document: Document) -> Bool {
        let words = document.words
        guard index > 0, index <= words.count, ["from", "из", "din"].contains(words[index - 1].folded) else { return false }
        return words[max(0, index - 3)..<(index - 1)].contains { flightVerbs.contains($0.folded) }
    }
}
