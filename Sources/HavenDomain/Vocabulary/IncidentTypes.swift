extension Vocabulary {
    /// Incident types in eleven families (VOCABULARY.md), each mapped to its Annual Review headings and the ODIHR criteria.
    public static let incidentTypes = Vocabulary(
        name: "incident-types",
        terms: [
            VocabularyTerm(
                "V1", en: "Violence and threats", ru: "Насилие и угрозы", ro: "Violență și amenințări",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.1", parent: "V1", en: "Killing", ru: "Убийство", ro: "Omor", headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.2", parent: "V1", en: "Attempted killing", ru: "Покушение на убийство", ro: "Tentativă de omor",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.3", parent: "V1", en: "Physical assault", ru: "Физическое нападение", ro: "Agresiune fizică",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.4", parent: "V1", en: "Sexual violence", ru: "Сексуальное насилие", ro: "Violență sexuală",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.5", parent: "V1", en: "Threats of violence", ru: "Угрозы насилием", ro: "Amenințări cu violența",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.6", parent: "V1", en: "Psychological violence, harassment, stalking",
                ru: "Психологическое насилие, преследование, слежка",
                ro: "Violență psihologică, hărțuire, urmărire", headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.7", parent: "V1", en: "Online harassment, doxxing", ru: "Травля в интернете, публикация личных данных",
                ro: "Hărțuire online, divulgarea datelor personale", headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V1.8", parent: "V1", en: "Property damage, arson", ru: "Повреждение имущества, поджог",
                ro: "Distrugerea bunurilor, incendiere",
                headings: [.biasMotivatedViolence], hateCrime: true),

            VocabularyTerm(
                "V2", en: "Entrapment, extortion, outing", ru: "Подставы, вымогательство, аутинг", ro: "Capcane, șantaj, deconspirare",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V2.1", parent: "V2", en: "Entrapment through dating apps (“fake dates”)",
                ru: "Подставы через приложения знакомств («фейковые свидания»)",
                ro: "Capcane prin aplicații de întâlniri („întâlniri false”)", headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V2.2", parent: "V2", en: "Blackmail, extortion", ru: "Шантаж, вымогательство", ro: "Șantaj, extorcare",
                headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V2.3", parent: "V2", en: "Robbery", ru: "Грабёж", ro: "Jaf", headings: [.biasMotivatedViolence], hateCrime: true),
            VocabularyTerm(
                "V2.4", parent: "V2", en: "Forced outing by private persons, media or the state",
                ru: "Принудительный аутинг частными лицами, СМИ или государством",
                ro: "Deconspirare forțată de persoane private, presă sau stat", headings: [.biasMotivatedViolence]),

            VocabularyTerm(
                "V3", en: "State violence and deprivation of liberty", ru: "Государственное насилие и лишение свободы",
                ro: "Violența statului și privarea de libertate", headings: [.policeAndLawEnforcement, .freedomFromTorture]),
            VocabularyTerm(
                "V3.1", parent: "V3", en: "Arbitrary arrest or detention", ru: "Произвольный арест или задержание",
                ro: "Arestare sau reținere arbitrară",
                headings: [.policeAndLawEnforcement]),
            VocabularyTerm(
                "V3.2", parent: "V3", en: "Abduction, enforced disappearance, secret detention",
                ru: "Похищение, насильственное исчезновение, тайное содержание",
                ro: "Răpire, dispariție forțată, detenție secretă", headings: [.policeAndLawEnforcement, .freedomFromTorture]),
            VocabularyTerm(
                "V3.3", parent: "V3", en: "Torture or ill-treatment in custody", ru: "Пытки или жестокое обращение под стражей",
                ro: "Tortură sau rele tratamente în custodie", headings: [.freedomFromTorture, .policeAndLawEnforcement]),
            VocabularyTerm(
                "V3.4", parent: "V3", en: "Police misconduct (refusing a complaint, humiliation, extortion, planted evidence)",
                ru: "Нарушения со стороны полиции (отказ принять заявление, унижение, вымогательство, подброс улик)",
                ro: "Abuzuri ale poliției (refuzul plângerii, umilire, extorcare, probe plantate)", headings: [.policeAndLawEnforcement]),
            VocabularyTerm(
                "V3.5", parent: "V3", en: "Search, raid, seizure of devices", ru: "Обыск, рейд, изъятие устройств",
                ro: "Percheziție, razie, confiscarea dispozitivelor",
                headings: [.policeAndLawEnforcement]),
            VocabularyTerm(
                "V3.6", parent: "V3", en: "Surveillance, list-keeping", ru: "Слежка, составление списков",
                ro: "Supraveghere, întocmirea de liste",
                headings: [.policeAndLawEnforcement]),

            VocabularyTerm(
                "V4", en: "Prosecution and legal harassment", ru: "Уголовное преследование и юридическое давление",
                ro: "Urmărire penală și hărțuire juridică",
                headings: [.freedomOfExpression, .freedomOfAssociation, .humanRightsDefenders]),
            VocabularyTerm(
                "V4.1", parent: "V4", en: "Administrative “LGBT propaganda” case", ru: "Административное дело о «пропаганде ЛГБТ»",
                ro: "Dosar administrativ de „propagandă LGBT”", headings: [.freedomOfExpression]),
            VocabularyTerm(
                "V4.2", parent: "V4", en: "Criminal “extremism” case", ru: "Уголовное дело об «экстремизме»",
                ro: "Dosar penal de „extremism”",
                headings: [.freedomOfAssociation, .freedomOfExpression]),
            VocabularyTerm(
                "V4.3", parent: "V4", en: "“Foreign agent” or “undesirable organisation” designation",
                ru: "Признание «иностранным агентом» или «нежелательной организацией»",
                ro: "Declararea drept „agent străin” sau „organizație indezirabilă”",
                headings: [.freedomOfAssociation, .humanRightsDefenders]),
            VocabularyTerm(
                "V4.4", parent: "V4", en: "Other pretext charges", ru: "Другие надуманные обвинения", ro: "Alte acuzații pretext",
                headings: [.humanRightsDefenders]),
            VocabularyTerm(
                "V4.5", parent: "V4", en: "Fines, expulsion or deportation of foreigners",
                ru: "Штрафы, выдворение или депортация иностранцев",
                ro: "Amenzi, expulzarea sau deportarea străinilor", headings: [.freedomOfExpression]),
            VocabularyTerm(
                "V4.6", parent: "V4", en: "Violations of fair-trial rights", ru: "Нарушения права на справедливый суд",
                ro: "Încălcarea dreptului la un proces echitabil",
                headings: [.humanRightsDefenders]),

            VocabularyTerm(
                "V5", en: "Civic space", ru: "Гражданское пространство", ro: "Spațiul civic",
                headings: [.freedomOfAssembly, .freedomOfAssociation, .freedomOfExpression]),
            VocabularyTerm(
                "V5.1", parent: "V5", en: "Ban or refusal of a Pride or other public event",
                ru: "Запрет или отказ в проведении Прайда или другого публичного мероприятия",
                ro: "Interzicerea sau refuzul unui Marș al Mândriei sau al altui eveniment public", headings: [.freedomOfAssembly]),
            VocabularyTerm(
                "V5.2", parent: "V5", en: "Attack on or disruption of an event, incl. failure to protect it",
                ru: "Нападение на мероприятие или его срыв, в т. ч. отказ в защите",
                ro: "Atac asupra unui eveniment sau perturbarea lui, inclusiv lipsa protecției", headings: [.freedomOfAssembly],
                hateCrime: true),
            VocabularyTerm(
                "V5.3", parent: "V5", en: "Censorship, website blocking, content labelling",
                ru: "Цензура, блокировка сайтов, маркировка контента",
                ro: "Cenzură, blocarea site-urilor, etichetarea conținutului", headings: [.freedomOfExpression]),
            VocabularyTerm(
                "V5.4", parent: "V5", en: "Refusal to register an NGO, liquidation", ru: "Отказ в регистрации НКО, ликвидация",
                ro: "Refuzul înregistrării unui ONG, lichidare",
                headings: [.freedomOfAssociation]),
            VocabularyTerm(
                "V5.5", parent: "V5", en: "Venue cancellation, pressure on venues", ru: "Отмена площадки, давление на площадки",
                ro: "Anularea locației, presiuni asupra locațiilor",
                headings: [.freedomOfAssembly]),

            VocabularyTerm("V6", en: "Hate speech", ru: "Язык вражды", ro: "Discurs de ură", headings: [.biasMotivatedSpeech]),
            VocabularyTerm(
                "V6.1", parent: "V6", en: "By officials or politicians", ru: "Со стороны чиновников или политиков",
                ro: "Din partea oficialilor sau politicienilor",
                headings: [.biasMotivatedSpeech]),
            VocabularyTerm(
                "V6.2", parent: "V6", en: "By religious leaders", ru: "Со стороны религиозных лидеров",
                ro: "Din partea liderilor religioși",
                headings: [.biasMotivatedSpeech]),
            VocabularyTerm("V6.3", parent: "V6", en: "In the media", ru: "В СМИ", ro: "În presă", headings: [.biasMotivatedSpeech]),
            VocabularyTerm(
                "V6.4", parent: "V6", en: "Online or public incitement", ru: "Публичное или сетевое подстрекательство",
                ro: "Incitare online sau publică",
                headings: [.biasMotivatedSpeech]),

            VocabularyTerm(
                "V7", en: "Family and private sphere", ru: "Семья и частная жизнь", ro: "Familia și sfera privată", headings: [.family]),
            VocabularyTerm(
                "V7.1", parent: "V7", en: "Domestic or family violence", ru: "Домашнее или семейное насилие",
                ro: "Violență domestică sau în familie",
                headings: [.family], hateCrime: true),
            VocabularyTerm(
                "V7.2", parent: "V7", en: "Forced marriage", ru: "Принудительный брак", ro: "Căsătorie forțată", headings: [.family]),
            VocabularyTerm(
                "V7.3", parent: "V7", en: "“Conversion” practices, forced psychiatric or religious treatment",
                ru: "«Конверсионные» практики, принудительное психиатрическое или религиозное «лечение»",
                ro: "Practici de „conversie”, tratament psihiatric sau religios forțat", headings: [.family, .health]),
            VocabularyTerm(
                "V7.4", parent: "V7", en: "Expulsion from home, homelessness", ru: "Изгнание из дома, бездомность",
                ro: "Alungarea din casă, lipsa de adăpost",
                headings: [.family, .housing]),
            VocabularyTerm(
                "V7.5", parent: "V7", en: "Loss of or threat to parental rights or custody",
                ru: "Лишение или угроза лишения родительских прав или опеки",
                ro: "Pierderea sau amenințarea drepturilor părintești ori a custodiei", headings: [.family]),
            VocabularyTerm(
                "V7.6", parent: "V7", en: "“Honour”-based violence", ru: "Насилие «во имя чести»", ro: "Violență în numele „onoarei”",
                headings: [.family, .biasMotivatedViolence], hateCrime: true),

            VocabularyTerm("V8", en: "Discrimination", ru: "Дискриминация", ro: "Discriminare", headings: [.equalityAndNonDiscrimination]),
            VocabularyTerm("V8.1", parent: "V8", en: "Employment", ru: "В сфере труда", ro: "În muncă", headings: [.employment]),
            VocabularyTerm("V8.2", parent: "V8", en: "Education", ru: "В образовании", ro: "În educație", headings: [.education]),
            VocabularyTerm("V8.3", parent: "V8", en: "Health care", ru: "В здравоохранении", ro: "În sănătate", headings: [.health]),
            VocabularyTerm("V8.4", parent: "V8", en: "Housing", ru: "В сфере жилья", ro: "În locuire", headings: [.housing]),
            VocabularyTerm(
                "V8.5", parent: "V8", en: "Goods and services", ru: "В доступе к товарам и услугам", ro: "În accesul la bunuri și servicii",
                headings: [.accessToGoodsAndServices]),
            VocabularyTerm(
                "V8.6", parent: "V8", en: "Military service", ru: "На военной службе", ro: "În serviciul militar",
                headings: [.equalityAndNonDiscrimination]),
            VocabularyTerm(
                "V8.7", parent: "V8", en: "Social protection", ru: "В социальной защите", ro: "În protecția socială",
                headings: [.socialSecurity]),

            VocabularyTerm(
                "V9", en: "Trans- and intersex-specific", ru: "Касающиеся транс- и интерсекс-людей",
                ro: "Specifice persoanelor trans și intersex",
                headings: [.legalGenderRecognition, .bodilyIntegrity]),
            VocabularyTerm(
                "V9.1", parent: "V9", en: "Denial of legal gender recognition or document change",
                ru: "Отказ в юридическом признании гендера или смене документов",
                ro: "Refuzul recunoașterii juridice a genului sau al schimbării actelor", headings: [.legalGenderRecognition]),
            VocabularyTerm(
                "V9.2", parent: "V9", en: "Denial or ban of gender-affirming care", ru: "Отказ или запрет гендерно-аффирмативной помощи",
                ro: "Refuzul sau interzicerea îngrijirilor de afirmare a genului", headings: [.legalGenderRecognition, .health]),
            VocabularyTerm(
                "V9.3", parent: "V9", en: "Forced medical or psychiatric assessment",
                ru: "Принудительное медицинское или психиатрическое освидетельствование",
                ro: "Evaluare medicală sau psihiatrică forțată", headings: [.legalGenderRecognition]),
            VocabularyTerm(
                "V9.4", parent: "V9", en: "Non-consensual intersex medical interventions",
                ru: "Медицинские вмешательства без согласия у интерсекс-людей",
                ro: "Intervenții medicale fără consimțământ asupra persoanelor intersex", headings: [.bodilyIntegrity]),
            VocabularyTerm(
                "V9.5", parent: "V9", en: "Harassment over mismatched documents", ru: "Притеснения из-за несоответствия документов",
                ro: "Hărțuire din cauza actelor neconcordante", headings: [.legalGenderRecognition]),

            VocabularyTerm(
                "V10", en: "Displacement and asylum", ru: "Вынужденное перемещение и убежище", ro: "Strămutare și azil", headings: [.asylum]
            ),
            VocabularyTerm(
                "V10.1", parent: "V10", en: "Forced internal relocation", ru: "Вынужденный переезд внутри страны",
                ro: "Relocare internă forțată",
                headings: [.asylum]),
            VocabularyTerm(
                "V10.2", parent: "V10", en: "Forced emigration", ru: "Вынужденная эмиграция", ro: "Emigrare forțată", headings: [.asylum]),
            VocabularyTerm(
                "V10.3", parent: "V10", en: "Asylum refusal, detention or risk of deportation",
                ru: "Отказ в убежище, задержание или риск депортации",
                ro: "Refuzul azilului, detenție sau risc de deportare", headings: [.asylum]),
            VocabularyTerm(
                "V10.4", parent: "V10", en: "Exit ban or passport denial", ru: "Запрет на выезд или отказ в паспорте",
                ro: "Interdicția de a ieși din țară sau refuzul pașaportului",
                headings: [.asylum]),

            VocabularyTerm(
                "V11", en: "Law and policy events", ru: "Законы и политика", ro: "Evenimente legislative și politice",
                headings: [.equalityAndNonDiscrimination]),
            VocabularyTerm(
                "V11.1", parent: "V11", en: "Discriminatory law or amendment adopted", ru: "Принят дискриминационный закон или поправка",
                ro: "Lege sau amendament discriminatoriu adoptat", headings: [.equalityAndNonDiscrimination]),
            VocabularyTerm(
                "V11.2", parent: "V11", en: "Court ruling", ru: "Судебное решение", ro: "Hotărâre judecătorească",
                headings: [.equalityAndNonDiscrimination]),
            VocabularyTerm(
                "V11.3", parent: "V11", en: "Official policy or statement", ru: "Официальная политика или заявление",
                ro: "Politică sau declarație oficială",
                headings: [.participationInPublicLife]),
            VocabularyTerm(
                "V11.4", parent: "V11", en: "Positive development", ru: "Позитивное изменение", ro: "Evoluție pozitivă",
                headings: [.equalityAndNonDiscrimination]),
        ])
}
