import HavenDomain

/// The rules, and the types and headings they suggest for a text.
enum TypeRules {
    static let rules: [TypeRule] = [
        TypeRule(
            code: "V4.1",
            groups: [
                ["propaganda", "пропаганд", "propagand"],
                ["court", "judge", "guilty", "fine", "penalt", "суд", "штраф", "виновн", "instant", "amend", "judecat"],
            ], weight: 3),
        TypeRule(code: "V4.1", groups: [["propaganda", "пропаганд", "propagand"]], weight: 1.5),
        TypeRule(code: "V4.2", groups: [["extremis", "экстремис", "extremis"]], weight: 3),
        TypeRule(
            code: "V4.3",
            groups: [
                ["foreign", "иноагент", "иностранн", "strain", "undesirable", "нежелательн"],
                ["agent", "агент", "organisation", "организац"],
            ], weight: 2),
        TypeRule(
            code: "V4.6", groups: [["expert", "экспертиз", "expertiz"], ["court", "суд", "instant", "evidence", "доказательств"]], weight: 1
        ),
        TypeRule(
            code: "V5.2",
            groups: [
                ["march", "pride", "parade", "festival", "screening", "марш", "шестви", "парад", "фестивал", "mars", "prid"],
                [
                    "counter-protest", "counterprotest", "контрпротест", "contraprotest", "attack", "нападен", "atac", "evacuat", "disrupt",
                    "сорва",
                ],
            ], weight: 3),
        TypeRule(
            code: "V5.1",
            groups: [
                ["march", "pride", "parade", "марш", "шестви", "парад", "mars", "event", "мероприят"],
                ["ban", "prohibit", "refused", "запрет", "отказ", "interzi"],
            ], weight: 3),
        TypeRule(
            code: "V5.3",
            groups: [
                ["online", "internet", "интернет", "website", "сайт", "blocking", "блокир", "censor", "цензур"],
                ["freedom", "свобод", "libertat", "rights", "прав"],
            ], weight: 2.5),
        TypeRule(
            code: "V5.4",
            groups: [["ngo", "нко", "organisation", "organization", "организац"], ["liquidat", "ликвидац", "registration", "регистрац"]],
            weight: 2),
        TypeRule(
            code: "V11.4", groups: [["protection", "protected", "защит", "protect"], ["march", "марш", "mars", "pride", "event"]], weight: 1
        ),
        TypeRule(
            code: "V11.1",
            groups: [
                ["criminalis", "criminaliz", "уголовн", "incrimin"],
                ["relation", "article", "law", "статья", "статью", "отношени", "relati"],
            ], weight: 2),
        TypeRule(
            code: "V4.1", groups: [["propaganda", "пропаганд", "propagand"], ["law", "закон", "lege", "ban", "запрет", "interzic"]],
            weight: 3),
        TypeRule(code: "V3.5", groups: [["raid", "рейд", "обыск", "razi", "perchezit"]], weight: 2),
        TypeRule(
            code: "V11.1",
            groups: [
                ["constitution", "конституц", "constituti", "law", "закон", "lege", "bill", "законопроект"],
                ["change", "amendment", "vote", "approval", "поправк", "голосов", "amendament", "adopted", "принят"],
            ], weight: 2),
        TypeRule(
            code: "V3.1", groups: [["detention", "detained", "detain", "arrest", "задерж", "арест", "retinut", "retinere", "detent"]],
            weight: 2),
        TypeRule(code: "V3.2", groups: [["abduct", "kidnap", "disappear", "похищ", "исчезнов", "secret", "тайн", "rapit"]], weight: 2),
        TypeRule(code: "V3.3", groups: [["tortur", "пытк", "пыта", "ill-treat"]], weight: 3),
        TypeRule(
            code: "V3.4",
            groups: [
                ["police", "полици", "politi", "officer", "сотрудник"],
                ["refus", "humiliat", "extort", "отказ", "унижен", "вымога", "umil"],
            ], weight: 1.5),
        TypeRule(
            code: "V3.2", groups: [["persecut", "преследов", "persecut"], ["chechnya", "чечн", "cecen", "caucasus", "кавказ"]], weight: 1.5),
        TypeRule(
            code: "V7.1",
            groups: [
                [
                    "parent", "family", "father", "mother", "brother", "relative", "родител", "семь", "отец", "мать", "брат", "родствен",
                    "parint", "famili", "tatal", "mama",
                ],
                [
                    "force", "violence", "beat", "abuse", "threat", "attack", "knife", "kill", "насили", "избива", "бил", "угрож", "нож",
                    "напал", "violent", "forta", "batut", "amenint", "atac",
                ],
            ], weight: 3),
        TypeRule(
            code: "V7.3", groups: [["conversion", "конверсион", "конверсии", "conversie", "cure", "лечени", "вылечи", "tratament"]],
            weight: 2),
        TypeRule(code: "V10.2", groups: [["fled", "flee", "escape", "бежал", "сбежал", "уехал", "fugit", "fugi"]], weight: 2),
        TypeRule(code: "V10.3", groups: [["asylum", "убежищ", "azil", "refugee", "беженц", "refugiat"]], weight: 2),
        TypeRule(
            code: "V1.3", groups: [["beaten", "beat", "assault", "attacked", "избит", "избил", "напал", "batut", "agresat"]], weight: 2),
        TypeRule(code: "V1.5", groups: [["threat", "угроз", "угрожа", "amenint"]], weight: 1.5),
        TypeRule(code: "V1.1", groups: [["killed", "murder", "убит", "убийств", "ucis", "omor"]], weight: 3),
        TypeRule(code: "V2.1", groups: [["dating", "знакомств", "intalnir", "fake date", "подстав"]], weight: 2.5),
        TypeRule(code: "V2.2", groups: [["blackmail", "extort", "шантаж", "вымогат", "santaj"]], weight: 2.5),
        TypeRule(code: "V6.4", groups: [["hate speech", "hatred", "ненавист", "ura", "incit"]], weight: 2),
        TypeRule(
            code: "V6.1",
            groups: [
                ["official", "politician", "deputy", "minister", "депутат", "чиновник", "министр", "deputat"],
                ["homophob", "гомофоб", "omofob", "insult", "оскорб"],
            ], weight: 2),
        TypeRule(
            code: "V8.1", groups: [["fired", "dismissed", "employer", "уволен", "уволил", "работодател", "concediat", "angajator"]],
            weight: 2.5),
        TypeRule(
            code: "V8.2",
            groups: [
                ["school", "university", "teacher", "школ", "университет", "учител", "scoal", "universitat"],
                ["expel", "fired", "dismiss", "discrimin", "отчисл", "уволен", "дискрим", "exmatricul"],
            ], weight: 2),
        TypeRule(
            code: "V9.1",
            groups: [
                ["gender", "гендер", "gen"],
                ["recognition", "documents", "passport", "признан", "документ", "паспорт", "recunoast", "acte"],
            ], weight: 2),
    ]

    /// Types with their scores, best first.
    static func suggest(_ document: Document) -> [Suggestion] {
        let prefixes = document.prefixes
        let text = document.joined
        func matches(_ stem: String) -> Bool {
            stem.contains(" ") ? text.contains(stem) : prefixes.contains(Substring(stem))
        }
        var scores: [String: Double] = [:]
        for rule in rules where rule.groups.allSatisfy({ $0.contains(where: matches) }) {
            scores[rule.code, default: 0] += rule.weight
        }
        return scores.map { code, score in
            Suggestion(code: code, label: Vocabulary.incidentTypes.term(code)?.label(.en) ?? code, score: score)
        }.sorted { ($0.score, $1.code) > ($1.score, $0.code) }
    }

    /// Annual Review headings from the suggested types: a type's first heading gets its score, the others half.
    static func headings(from types: [Suggestion], document: Document) -> [HeadingSuggestion] {
        var scores: [String: Double] = [:]
        for type in types {
            for (position, heading) in (Vocabulary.incidentTypes.term(type.code)?.headings ?? []).enumerated() {
                scores[heading.rawValue, default: 0] += position == 0 ? type.score : type.score / 2
            }
        }
        return scores.map { HeadingSuggestion(name: $0.key, score: $0.value) }.sorted { ($0.score, $1.name) > ($1.score, $0.name) }
    }
}
