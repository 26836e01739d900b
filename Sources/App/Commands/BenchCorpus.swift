import Foundation
import HavenDomain

/// Synthetic incident text for benchmarks: English, Russian and Romanian words with a Zipf spread (a few words in most
/// incidents, most words in few), plus invented rare words, so common-word, rare-word and prefix searches all occur.
struct BenchCorpus {
    static let english = """
        the of and to in a was were by for on with police after his her their they he she at from two men women activist court fined \
        detained attacked family threatened march participants city officers judge hearing lawyer arrested beaten home school work \
        propaganda minors report organisation network help asylum fled violence psychological physical refused complaint evidence \
        investigation prosecutor sentence appeal days fine roubles event pride ban counter protesters ministry protection camera phone \
        video dating app robbery blackmail threat outing parents brother father mother village region republic border passport \
        documents gender trans intersex clinic doctor treatment conversion forced marriage employer dismissed teacher student university
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let russian = """
        и в не на что с по был была были его её их они он она после полиция суд штраф задержан избит семья угрожали марш участники \
        город сотрудники судья заседание адвокат арестован дом школа работа пропаганда несовершеннолетних доклад организация сеть \
        помощь убежище бежал насилие психологическое физическое отказали заявление доказательства следствие прокурор приговор \
        апелляция суток рублей мероприятие запрет контрпротестующие министерство защита камера телефон видео знакомств приложение \
        грабёж шантаж угроза аутинг родители брат отец мать село регион республика граница паспорт документы гендер транс интерсекс \
        клиника врач лечение конверсионная принудительный брак работодатель уволен учитель студент университет Хабаровска Чечни \
        Москвы Казахстана активиста ЛГБТ сообщества
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let romanian = """
        și în de la cu pe a fost au după poliția instanța amendă reținut bătut familia amenințat marșul participanți orașul \
        polițiștii judecătorul ședința avocatul arestat acasă școala munca propagandă minori raport organizația rețeaua ajutor azil \
        fugit violență psihologică fizică refuzat plângere probe ancheta procurorul sentința apel zile lei eveniment interdicție \
        contraprotestatari ministerul protecție cameră telefon video întâlniri aplicație jaf șantaj amenințare deconspirare părinții \
        fratele tatăl mama satul regiunea republica frontiera pașaportul documente gen trans intersex clinica medicul tratament \
        conversie forțată căsătorie angajatorul concediat profesorul studentul universitatea Chișinău Bălți egalității Fără Frică
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Every word, most frequent first: the real words interleaved by language, then invented rare words.
    let words: [String]
    private let cumulative: [Double]
    private var generator: SplitMix

    init(vocabulary: Int = 60_000, seed: UInt64 = 42) {
        generator = SplitMix(seed: seed)
        var words: [String] = []
        let lists = [Self.english, Self.russian, Self.romanian]
        for index in 0..<lists.map(\.count).max()! {
            for list in lists where index < list.count { words.append(list[index]) }
        }
        var seen = Set(words.map(SearchText.fold))
        let latin = Array("abcdefghilmnoprstuvzăâîșț")
        let cyrillic = Array("абвгдежзиклмнопрстуфхцчшщыэюя")
        var random = generator
        while words.count < vocabulary {
            let letters = words.count % 2 == 0 ? latin : cyrillic
            let length = 5 + Int(random.next() % 6)
            var word = ""
            for _ in 0..<length { word.append(letters[Int(random.next() % UInt64(letters.count))]) }
            if seen.insert(SearchText.fold(word)).inserted { words.append(word) }
        }
        self.words = words
        generator = random
        var total = 0.0
        cumulative = (1...words.count).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }

    /// One word drawn by Zipf's law.
    mutating func word() -> String {
        let target = Double(generator.next() % 1_000_000_007) / 1_000_000_007 * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }

    /// A phrase of `count` words.
    mutating func text(_ count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    /// A number below `bound`.
    mutating func number(_ bound: Int) -> Int {
        Int(generator.next() % UInt64(bound))
    }
}

/// A small, fast, seeded random generator (SplitMix64), so every run builds the same corpus.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
