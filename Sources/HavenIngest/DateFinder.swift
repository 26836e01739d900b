import Foundation
import HavenDomain

/// Dates in English, Russian and Romanian: "On June 8", "July 1st", "8 июня 2020 года", "19 mai", "February 2020",
/// "в феврале 2020", "in 2017", "2019-05-19", and "a year has passed since" (an estimate a year before the reference).
enum DateFinder {
    /// Month names as folded words: English (and abbreviations), Russian in every case used with dates, Romanian.
    static let monthNames: [String: Int] = {
        var names: [String: Int] = [:]
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        ]
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let russian = [
            ["январь", "января", "январе"], ["февраль", "февраля", "феврале"], ["март", "марта", "марте"], ["апрель", "апреля", "апреле"],
            ["маи", "мая", "мае"], ["июнь", "июня", "июне"], ["июль", "июля", "июле"], ["август", "августа", "августе"],
            ["сентябрь", "сентября", "сентябре"], ["октябрь", "октября", "октябре"], ["ноябрь", "ноября", "ноябре"],
            ["декабрь", "декабря", "декабре"],
        ]
        let romanian = [
            "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie",
            "decembrie",
        ]
        for number in 1...12 {
            for name in [english[number - 1], short[number - 1], romanian[number - 1]] + russian[number - 1] { names[name] = number }
        }
        names["sept"] = 9
        return names
    }()

    /// English month names, which need a capital letter to count ("may" is also a verb, "march" a noun).
    static let englishMonths: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// A month name standing alone (before a day or a year); English ones must be capitalised.
    static func month(_ word: Document.Word) -> Int? {
        guard let number = monthNames[word.folded] else { return nil }
        if englishMonths.contains(word.folded), !word.isCapitalised, word.folded != "august" { return nil }
        return number
    }

    static func day(_ word: String) -> Int? {
        let digits = word.prefix { $0.isNumber }
        let suffix = word.dropFirst(digits.count).lowercased()
        guard !digits.isEmpty, digits.count <= 2, ["", "st", "nd", "rd", "th", "го", "е"].contains(suffix), let day = Int(digits),
            (1...31).contains(day)
        else { return nil }
        return day
    }

    static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1900...2100).contains(year) else { return nil }
        return year
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func dates(in document: Document, reference: Date) -> [FoundDate] {
        var found: [FoundDate] = []
        var used = Set<Int>()
        let words = document.words
        let utc = Self.calendar
        let referenceYear = utc.component(.year, from: reference)
        let referenceMonth = utc.component(.month, from: reference)
        let referenceDay = utc.component(.day, from: reference)
        /// The year that puts a day and month closest to the reference date ("July 1st" in late June is this July 1st;
        /// "December 30" in early January was last year's).
        func yearFor(month: Int, day: Int?) -> Int {
            let target = referenceMonth * 31 + referenceDay
            let value = month * 31 + (day ?? 15)
            if value - target > 186 { return referenceYear - 1 }
            if target - value > 186 { return referenceYear + 1 }
            return referenceYear
        }
        func add(_ date: PartialDate?, _ range: ClosedRange<Int>) {
            guard let date, !range.contains(where: used.contains) else { return }
            used.formUnion(range)
            found.append(FoundDate(value: date.description, precision: date.precision, span: document.span(words: range)))
        }
        for index in words.indices {
            let word = words[index]
            // 2019-05-19
            if word.text.count == 4, let year = year(word.text), index + 2 < words.count,
                document.characters[word.end] == "-", let month = Int(words[index + 1].text), let day = Int(words[index + 2].text),
                words[index + 1].text.count == 2
            {
                add(PartialDate(year: year, month: month, day: day), index...(index + 2))
                continue
            }
            // 8 June 2020, 8 июня 2020 года, 19 mai
            if let day = day(word.text), index + 1 < words.count, let month = monthNames[words[index + 1].folded] {
                if index + 2 < words.count, let year = year(words[index + 2].text) {
                    add(PartialDate(year: year, month: month, day: day), index...(index + 2))
                } else {
                    add(PartialDate(year: yearFor(month: month, day: day), month: month, day: day), index...(index + 1))
                }
                continue
            }
            // June 8, 2020 / June 8 / July 1st / February 2020
            if let month = month(word) {
                if index + 1 < words.count, let day = day(words[index + 1].text) {
                    if index + 2 < words.count, let year = year(words[index + 2].text) {
                        add(PartialDate(year: year, month: month, day: day), index...(index + 2))
                    } else {
                        add(PartialDate(year: yearFor(month: month, day: day), month: month, day: day), index...(index + 1))
                    }
                } else if index + 1 < words.count, let year = year(words[index + 1].text) {
                    add(PartialDate(year: year, month: month), index...(index + 1))
                }
                continue
            }
            // in 2017, в 2017 году, în 2017
            if let year = year(word.text), index > 0,
                ["in", "в", "во", "since", "from", "din", "pana", "until", "of", "by"].contains(words[index - 1].folded)
            {
                add(PartialDate(year: year), (index - 1)...index)
            }
        }
        // A year has passed since … / год назад / un an de la
        let folded = document.words.map(\.folded)
        for index in folded.indices where index + 2 < folded.count {
            if folded[index] == "year", folded[index + 1] == "has", folded[index + 2] == "passed", index > 0,
                ["a", "one"].contains(folded[index - 1])
            {
                add(PartialDate(year: referenceYear - 1, isEstimate: true), (index - 1)...(index + 2))
            }
            if ["прошел", "прошло"].contains(folded[index]), folded[index + 1] == "год" {
                add(PartialDate(year: referenceYear - 1, isEstimate: true), index...(index + 1))
            }
        }
        return found.sorted { $0.span.start < $1.span.start }
    }
}
