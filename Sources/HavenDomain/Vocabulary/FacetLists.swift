extension Vocabulary {
    /// Who did it (VOCABULARY.md, perpetrator type); state actors first.
    public static let perpetratorTypes = Vocabulary(
        name: "perpetrator-types",
        terms: [
            VocabularyTerm("police", en: "Police", ru: "Полиция", ro: "Poliția"),
            VocabularyTerm(
                "security_services", en: "Investigators or security services", ru: "Следователи или спецслужбы",
                ro: "Anchetatori sau servicii de securitate"),
            VocabularyTerm("prison_staff", en: "Prison staff", ru: "Сотрудники мест заключения", ro: "Personalul penitenciarelor"),
            VocabularyTerm("military", en: "Military", ru: "Военные", ro: "Militari"),
            VocabularyTerm("officials", en: "Officials", ru: "Чиновники", ro: "Funcționari"),
            VocabularyTerm("judiciary", en: "Judiciary", ru: "Судебная власть", ro: "Sistemul judiciar"),
            VocabularyTerm("regional_authorities", en: "Regional authorities", ru: "Региональные власти", ro: "Autorități regionale"),
            VocabularyTerm(
                "vigilantes", en: "Vigilante groups (“hunters”)", ru: "Группы «охотников»", ro: "Grupuri de justițiari („vânători”)"),
            VocabularyTerm("organised_criminals", en: "Organised criminals", ru: "Организованные преступники", ro: "Crimă organizată"),
            VocabularyTerm("family", en: "Family", ru: "Семья", ro: "Familia"),
            VocabularyTerm("partner", en: "Partner", ru: "Партнёр", ro: "Partener"),
            VocabularyTerm(
                "acquaintance", en: "Acquaintance or date", ru: "Знакомый или человек со свидания",
                ro: "Cunoștință sau persoană de la o întâlnire"),
            VocabularyTerm("employer", en: "Employer or colleague", ru: "Работодатель или коллега", ro: "Angajator sau coleg"),
            VocabularyTerm("school", en: "School staff or pupils", ru: "Сотрудники школы или ученики", ro: "Personalul școlii sau elevi"),
            VocabularyTerm("medical_staff", en: "Medical staff", ru: "Медицинский персонал", ro: "Personal medical"),
            VocabularyTerm("religious_figures", en: "Religious figures", ru: "Религиозные деятели", ro: "Figuri religioase"),
            VocabularyTerm("media", en: "Media", ru: "СМИ", ro: "Presa"),
            VocabularyTerm("mob", en: "Mob or counter-protesters", ru: "Толпа или контрпротестующие", ro: "Mulțime sau contraprotestatari"),
            VocabularyTerm("unknown", en: "Unknown", ru: "Неизвестно", ro: "Necunoscut"),
        ])

    /// Where it happened (VOCABULARY.md, place type).
    public static let placeTypes = Vocabulary(
        name: "place-types",
        terms: [
            VocabularyTerm("victim_home", en: "Victim's home", ru: "Дом пострадавшего", ro: "Locuința victimei"),
            VocabularyTerm("family_home", en: "Family home", ru: "Дом семьи", ro: "Casa familiei"),
            VocabularyTerm("street", en: "Street or public space", ru: "Улица или общественное место", ro: "Stradă sau spațiu public"),
            VocabularyTerm("lgbt_venue", en: "LGBT+ venue or event", ru: "ЛГБТ+ место или мероприятие", ro: "Loc sau eveniment LGBT+"),
            VocabularyTerm("dating_place", en: "Dating meeting place", ru: "Место свидания", ro: "Loc de întâlnire"),
            VocabularyTerm("online", en: "Online", ru: "Интернет", ro: "Online"),
            VocabularyTerm(
                "detention", en: "Police station or detention", ru: "Отдел полиции или место заключения",
                ro: "Secție de poliție sau loc de detenție"),
            VocabularyTerm("workplace", en: "Workplace", ru: "Место работы", ro: "Locul de muncă"),
            VocabularyTerm("school", en: "School", ru: "Школа", ro: "Școală"),
            VocabularyTerm("medical_facility", en: "Medical facility", ru: "Медицинское учреждение", ro: "Unitate medicală"),
            VocabularyTerm("border", en: "Border crossing", ru: "Пограничный пункт", ro: "Punct de trecere a frontierei"),
            VocabularyTerm("court", en: "Court", ru: "Суд", ro: "Instanță"),
        ])

    /// How a perpetrator was involved in an act (ESF degree of involvement).
    public static let involvementDegrees = Vocabulary(
        name: "involvement-degrees",
        terms: [
            VocabularyTerm("carried_out", en: "Carried out", ru: "Совершил", ro: "A comis"),
            VocabularyTerm("ordered", en: "Ordered", ru: "Приказал", ro: "A ordonat"),
            VocabularyTerm("planned", en: "Planned", ru: "Планировал", ro: "A planificat"),
            VocabularyTerm("present", en: "Present", ru: "Присутствовал", ro: "A fost prezent"),
            VocabularyTerm("passive_accomplice", en: "Passive accomplice", ru: "Пассивный соучастник", ro: "Complice pasiv"),
            VocabularyTerm("suspected", en: "Suspected", ru: "Подозреваемый", ro: "Suspectat"),
            VocabularyTerm(
                "law_author", en: "Author, supporter or implementer of a law or policy",
                ru: "Автор, сторонник или исполнитель закона или политики",
                ro: "Autor, susținător sau executant al unei legi ori politici"),
            VocabularyTerm("failure_to_protect", en: "Failure to protect", ru: "Неспособность защитить", ro: "Neasigurarea protecției"),
        ])

    /// The victim's status at the end of an act (ESF).
    public static let actStatuses = Vocabulary(
        name: "act-statuses",
        terms: [
            VocabularyTerm("dead", en: "Dead", ru: "Погиб", ro: "Decedat"),
            VocabularyTerm("injured", en: "Injured", ru: "Ранен", ro: "Rănit"),
            VocabularyTerm("missing", en: "Missing", ru: "Пропал без вести", ro: "Dispărut"),
            VocabularyTerm("detained", en: "Detained", ru: "Задержан", ro: "Reținut"),
            VocabularyTerm(
                "detained_investigation", parent: "detained", en: "Under investigation", ru: "Под следствием", ro: "Sub anchetă"),
            VocabularyTerm("detained_trial", parent: "detained", en: "On trial", ru: "Под судом", ro: "În proces"),
            VocabularyTerm("detained_sentenced", parent: "detained", en: "Sentenced", ru: "Осуждён", ro: "Condamnat"),
            VocabularyTerm("released", en: "Released", ru: "Освобождён", ro: "Eliberat"),
            VocabularyTerm("fined", en: "Fined", ru: "Оштрафован", ro: "Amendat"),
            VocabularyTerm("displaced", en: "Exiled or displaced", ru: "Выслан или вынужденно перемещён", ro: "Exilat sau strămutat"),
            VocabularyTerm("resettled", en: "Resettled", ru: "Переселён", ro: "Relocat"),
            VocabularyTerm("dismissed", en: "Dismissed", ru: "Уволен", ro: "Concediat"),
        ])

    /// Whether an event is a violation (ESF micro-thesaurus).
    public static let violationStatuses = Vocabulary(
        name: "violation-statuses",
        terms: [
            VocabularyTerm("confirmed", en: "Confirmed as a violation", ru: "Подтверждено как нарушение", ro: "Confirmat ca încălcare"),
            VocabularyTerm("likely", en: "Likely", ru: "Вероятно", ro: "Probabil"),
            VocabularyTerm("possible", en: "Possible", ru: "Возможно", ro: "Posibil"),
            VocabularyTerm("unlikely", en: "Unlikely", ru: "Маловероятно", ro: "Puțin probabil"),
            VocabularyTerm(
                "not_violation", en: "Confirmed as not a violation", ru: "Подтверждено, что нарушения нет",
                ro: "Confirmat că nu este încălcare"),
            VocabularyTerm("unknown", en: "Unknown", ru: "Неизвестно", ro: "Necunoscut"),
        ])

    /// How reliable a source is (ESF micro-thesaurus).
    public static let reliabilities = Vocabulary(
        name: "reliabilities",
        terms: [
            VocabularyTerm("highly_reliable", en: "Highly reliable", ru: "Очень надёжный", ro: "Foarte credibil"),
            VocabularyTerm("reliable", en: "Reliable", ru: "Надёжный", ro: "Credibil"),
            VocabularyTerm("fairly_reliable", en: "Fairly reliable", ru: "Достаточно надёжный", ro: "Destul de credibil"),
            VocabularyTerm("unreliable", en: "Unreliable", ru: "Ненадёжный", ro: "Necredibil"),
            VocabularyTerm("unknown", en: "Unknown", ru: "Неизвестно", ro: "Necunoscut"),
        ])

    /// How a source is connected to the events.
    public static let sourceConnections = Vocabulary(
        name: "source-connections",
        terms: [
            VocabularyTerm("victim", en: "Victim", ru: "Пострадавший", ro: "Victimă"),
            VocabularyTerm("witness", en: "Witness", ru: "Свидетель", ro: "Martor"),
            VocabularyTerm("relative", en: "Relative", ru: "Родственник", ro: "Rudă"),
            VocabularyTerm("lawyer", en: "Lawyer", ru: "Адвокат", ro: "Avocat"),
            VocabularyTerm("ngo", en: "NGO", ru: "НКО", ro: "ONG"),
            VocabularyTerm("media", en: "Media", ru: "СМИ", ro: "Presa"),
            VocabularyTerm("official_document", en: "Official document", ru: "Официальный документ", ro: "Document oficial"),
        ])

    /// How precisely a date is known: "February 2020" is a month, not 1 February.
    public static let datePrecisions = Vocabulary(
        name: "date-precisions",
        terms: [
            VocabularyTerm("day", en: "Exact day", ru: "Точный день", ro: "Ziua exactă"),
            VocabularyTerm("month", en: "Month", ru: "Месяц", ro: "Luna"),
            VocabularyTerm("year", en: "Year", ru: "Год", ro: "Anul"),
            VocabularyTerm("estimate", en: "Estimate", ru: "Приблизительно", ro: "Estimare"),
            VocabularyTerm("unknown", en: "Unknown", ru: "Неизвестно", ro: "Necunoscut"),
        ])
}
