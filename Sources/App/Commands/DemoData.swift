import Crypto
import Foundation
import HavenDomain
import Vapor

/// Sample accounts and records for `haven demo`, written for this project: one incident for each seed news item that
/// describes one (a family forcing two men to flee Kazakhstan, the Khabarovsk "propaganda" conviction, the Chișinău
/// march, the persecution in Chechnya) and a restricted testimony. Persons carry invented names.
enum DemoData {
    /// A demo login.
    struct Login: Sendable {
        let role: StaffRole
        let email: String
        let password: String
    }

    static let password = "demo only — change me 2026"

    /// Sets up the organisation, three staff accounts and the sample incidents; returns the logins.
    static func fill(app: Application) async throws -> [Login] {
        let db = app.db
        let haven = app.haven
        let logins = StaffRole.allCases.map {
            Login(role: $0, email: ($0 == .administrator ? "admin" : $0.rawValue) + "@demo.example", password: password)
        }
        let pending = try await haven.setup.prepare(
            organisationName: "Haven demo", email: EmailAddress(logins[0].email)!, password: password,
            displayName: "Demo administrator")
        let admin = SignedInStaff(
            id: try await haven.setup.commit(pending, actor: "demo", on: db).requireID(), role: .administrator,
            privateKey: pending.administratorPrivateKey)
        for login in logins.dropFirst() {
            let code = try await haven.accounts.invite(
                email: EmailAddress(login.email)!, displayName: "Demo \(login.role.rawValue)", role: login.role,
                by: admin, on: db)
            _ = try await haven.accounts.redeem(code: code, password: login.password, on: db)
        }
        let documentationKey = try await haven.incidents.documentationKey(for: admin, reason: "the documentation key was not made", on: db)
        var codes: [String] = []
        for (draft, victims) in incidents() {
            let change = IncidentChange(
                draft: draft, victims: victims.map { PersonReference.new(name: $0) }, perpetrators: victims.map { _ in nil })
            let code = try await haven.incidents.create(change, documentationKey: documentationKey, by: admin, on: db)
            codes.append(code)
            if draft.types.contains("V4.1") {
                try await haven.proceedings.add(
                    proceeding(), to: try await haven.incidents.record(code: code, on: db), key: nil, by: admin, on: db)
            }
        }
        for var draft in publications() {
            draft.incidents = draft.incidents.compactMap { Int($0).map { codes[$0] } }
            let slug = try await haven.publishing.create(draft, by: admin, on: db)
            try await haven.publishing.changeStatus(
                of: try await haven.publishing.record(slug: slug, on: db), to: .published,
                publishAt: TypedMoment.parse(draft.date + " 09:00"), by: admin, on: db)
        }
        return logins
    }

    /// The Khabarovsk case: the administrative "propaganda" article, legal aid refused before the hearing.
    static func proceeding() -> ProceedingDraft {
        var draft = ProceedingDraft()
        draft.court = "District court, Khabarovsk"
        draft.law = "Code of Administrative Offences of the Russian Federation"
        draft.article = "6.21 (“propaganda of non-traditional sexual relations among minors”)"
        draft.stage = .firstInstance
        draft.decision = "Found guilty; the main evidence was an expert opinion from the regional children's rights commissioner's office."
        draft.penalty = .other
        draft.legalAidRefused = true
        draft.hearings = [Hearing(day: "2020-06-08", outcome: "Found guilty, administrative penalty")]
        return draft
    }

    private static func act(
        _ type: String, date: String, placeType: String, status: String, perpetratorType: String,
        consequences: String = ""
    ) -> ActDraft {
        var act = ActDraft()
        act.victim = "named below"
        act.type = type
        act.date = date
        act.placeType = placeType
        act.status = status
        act.perpetratorType = perpetratorType
        act.consequences = consequences
        return act
    }

    private static func source(
        _ title: String, kind: SourceKind = .news, date: String, reliability: String = "reliable",
        connection: String = "ngo"
    ) -> SourceDraft {
        var source = SourceDraft()
        source.kind = kind
        source.title = title
        source.publishedOn = date
        source.reliability = reliability
        source.connection = connection
        return source
    }

    /// The sample incidents with their victims' (invented) names, one per act.
    static func incidents() -> [(IncidentDraft, [String])] {
        var family = IncidentDraft()
        family.title = "Two men flee Kazakhstan after violence from one man's parents"
        family.description = """
            Two young men arrived in Moscow in February 2020 and asked an LGBT+ organisation for help. They had left \
            Kazakhstan because the parents of one of them would not accept that their son is gay and used physical and \
            psychological force against him.
            Двое молодых людей уехали из Казахстана из-за насилия со стороны родителей одного из них.
            """
        family.startDate = "2020-02"
        family.country = "KZ"
        family.types = ["V7.1", "V10.2"]
        family.victims = "2"
        family.violationStatus = "likely"
        family.reliability = "reliable"
        family.verification = .partlyVerified
        family.confidentiality = .internal
        family.acts = [
            act(
                "V7.1", date: "~2019", placeType: "family_home", status: "displaced", perpetratorType: "family",
                consequences: "Left the country with his partner."),
            act("V10.2", date: "2020-02", placeType: "border", status: "displaced", perpetratorType: "family"),
        ]
        family.sources = [source("Two men ask for help after fleeing their families", date: "2020")]

        var khabarovsk = IncidentDraft()
        khabarovsk.title = "Khabarovsk activist fined for “propaganda of non-traditional sexual relations among minors”"
        khabarovsk.description = """
            On 8 June 2020 a court in Khabarovsk found an LGBT activist guilty under the administrative “propaganda” article \
            and imposed a penalty. The main evidence was an expert opinion prepared by the office of the regional children's \
            rights commissioner. The activist declined legal help from an LGBT+ organisation just before the hearing.
            Суд в Хабаровске признал активиста виновным в «пропаганде нетрадиционных сексуальных отношений среди несовершеннолетних».
            """
        khabarovsk.startDate = "2020-06-08"
        khabarovsk.country = "RU"
        khabarovsk.region = "Khabarovsk Krai"
        khabarovsk.city = "Хабаровск"
        khabarovsk.types = ["V4.1", "V4.6"]
        khabarovsk.victims = "1"
        khabarovsk.violationStatus = "confirmed"
        khabarovsk.reliability = "highly_reliable"
        khabarovsk.verification = .verified
        khabarovsk.confidentiality = .public
        khabarovsk.acts = [
            act(
                "V4.1", date: "2020-06-08", placeType: "court", status: "fined", perpetratorType: "judiciary",
                consequences: "Administrative penalty; the expert opinion came from the children's rights commissioner's office.")
        ]
        khabarovsk.sources = [source("Khabarovsk court fines activist for “propaganda”", date: "2020-06")]

        var march = IncidentDraft()
        march.title = "Equality march in Chișinău reaches its destination under police protection"
        march.description = """
            GENDERDOC-M held the annual equality march on 19 May under the campaign “Fără Frică de Iubire” (Without fear \
            to love). About 350 people took part. Unlike in earlier years the march was not attacked or evacuated halfway: \
            the Ministry of Interior protected it, although counter-protesters shouted abuse.
            Marșul egalității din Chișinău a ajuns la destinație fără violență.
            """
        march.startDate = "2019-05-19"
        march.country = "MD"
        march.city = "Chișinău"
        march.types = ["V11.4", "V6.4"]
        march.participants = "350"
        march.violationStatus = "possible"
        march.reliability = "reliable"
        march.verification = .partlyVerified
        march.confidentiality = .public
        march.sources = [source("Equality march passes without violence", date: "2019-05")]

        var chechnya = IncidentDraft()
        chechnya.title = "Persecution of LGBT people in Chechnya: unlawful detention, humiliation and torture"
        chechnya.description = """
            A year after the first testimonies were published, LGBT people in the North Caucasus are still detained \
            unlawfully, humiliated and tortured because of their sexual orientation or gender identity.
            Незаконные задержания, унижения и пытки ЛГБТ-людей в Чечне продолжаются.
            """
        chechnya.startDate = "~2017"
        chechnya.endDate = "2018"
        chechnya.country = "RU"
        chechnya.region = "Chechen Republic"
        chechnya.types = ["V3.2", "V3.3"]
        chechnya.violationStatus = "confirmed"
        chechnya.reliability = "reliable"
        chechnya.verification = .verified
        chechnya.confidentiality = .public
        chechnya.sources = [source("A year since the first testimonies from Chechnya", kind: .report, date: "2018")]

        var testimony = IncidentDraft()
        testimony.title = "Testimony: detained and beaten after a fake date"
        testimony.description = "A man lured through a dating app was detained by a group, beaten and filmed; police refused his complaint."
        testimony.startDate = "2021-09"
        testimony.country = "RU"
        testimony.types = ["V2.1", "V3.4"]
        testimony.victims = "1"
        testimony.violationStatus = "likely"
        testimony.reliability = "fairly_reliable"
        testimony.confidentiality = .restricted
        testimony.acts = [act("V2.1", date: "2021-09", placeType: "dating_place", status: "injured", perpetratorType: "vigilantes")]
        testimony.sources = [source("Testimony taken by a caseworker", kind: .testimony, date: "2021-10", connection: "victim")]

        return [
            (family, ["Daniyar K. (demo)", "Ruslan S. (demo)"]), (khabarovsk, ["Alexei V. (demo)"]), (march, []), (chechnya, []),
            (testimony, ["Ilya M. (demo)"]),
        ]
    }

    /// The six seed news items as publications, written for this project, each in English with a Russian or Romanian
    /// translation; `incidents` holds indexes into `incidents()` until the incidents have codes.
    static func publications() -> [PublicationDraft] {
        func draft(
            _ kind: PublicationKind, date: String, countries: [String], categories: [String], en: (String, String, String),
            translation: (String, String, String, String)? = nil
        ) -> PublicationDraft {
            var draft = PublicationDraft()
            draft.kind = kind
            draft.date = date
            draft.countries = countries
            draft.categories = categories
            var title = ["en": en.0]
            var summary = ["en": en.1]
            var body = ["en": en.2]
            if let (language, translatedTitle, translatedSummary, translatedBody) = translation {
                title[language] = translatedTitle
                summary[language] = translatedSummary
                body[language] = translatedBody
            }
            draft.title = Translations(title)
            draft.summary = Translations(summary)
            draft.body = Translations(body)
            return draft
        }
        let fled = draft(
            .news, date: "2020-03-02", countries: ["KZ", "RU"], categories: ["family", "asylum"],
            en: (
                "Two men who fled violence in their family ask for help",
                "They left Kazakhstan because one man's parents would not accept that their son is gay.",
                "Two young men arrived in Moscow in February 2020. One man's parents had used physical and psychological force against him after learning that he is gay.\n\nThey asked us for help with safe housing, documents and legal advice."
            ),
            translation: (
                "ru", "Двое мужчин, бежавших от насилия в семье, просят о помощи",
                "Они уехали из Казахстана, потому что родители одного из них не приняли его ориентацию.",
                "Двое молодых людей приехали в Москву в феврале 2020 года. Родители одного из них применяли к нему физическое и психологическое насилие.\n\nОни обратились к нам за помощью с жильём, документами и юридической консультацией."
            ))
        let vote = draft(
            .statement, date: "2020-06-25", countries: ["RU"], categories: ["participation_in_public_life", "family"],
            en: (
                "Our position on the constitutional amendments",
                "We do not campaign, but we cannot stay silent about amendments that would write discrimination into the constitution.",
                "On 1 July people in Russia vote on a series of amendments to the constitution. As an LGBT+ organisation we do not take part in political campaigning.\n\nWe cannot stay aside either: an amendment defining marriage as a union of a man and a woman would put discrimination into the country's basic law."
            ),
            translation: (
                "ru", "Наша позиция по поправкам в Конституцию",
                "Мы не ведём агитацию, но не можем молчать о поправках, закрепляющих дискриминацию.",
                "1 июля в России голосуют за поправки в Конституцию. Как ЛГБТ+ организация мы не участвуем в политической агитации.\n\nНо и остаться в стороне мы не можем: поправка об определении брака закрепит дискриминацию в основном законе."
            ))
        var fined = draft(
            .news, date: "2020-06-09", countries: ["RU"], categories: ["freedom_of_expression"],
            en: (
                "Khabarovsk activist found guilty of “propaganda”",
                "The main evidence was an expert opinion from the regional children's rights commissioner's office.",
                "On 8 June a court in Khabarovsk found an LGBT activist guilty of “propaganda of non-traditional sexual relations among minors” and imposed an administrative penalty.\n\n> The activist declined our legal help just before the hearing.\n\nSee the [documented incident](/incidents) for the details we can publish."
            ),
            translation: (
                "ru", "Хабаровского активиста признали виновным в «пропаганде»",
                "Главным доказательством стала экспертиза аппарата уполномоченного по правам ребёнка.",
                "8 июня суд в Хабаровске признал ЛГБТ-активиста виновным в «пропаганде нетрадиционных сексуальных отношений среди несовершеннолетних» и назначил административное наказание."
            ))
        fined.incidents = ["1"]
        var joint = draft(
            .jointStatement, date: "2020-07-01", countries: ["RU"], categories: ["freedom_of_expression"],
            en: (
                "Russia endangers online freedoms around the world",
                "52 Russian and international human rights organisations signed this statement.",
                "Russian and international human rights organisations are alarmed by laws and practices that endanger freedom of expression online, in Russia and beyond.\n\nThe statement was delivered at the session of the UN Human Rights Council in Geneva."
            ))
        joint.signatories = ["Russian LGBT Network", "Article 19"] + (3...52).map { "Signatory organisation \($0) (demo)" }
        joint.venue = "UN Human Rights Council, Geneva"
        var march = draft(
            .eventReport, date: "2019-05-19", countries: ["MD"], categories: ["freedom_of_assembly"],
            en: (
                "Equality march in Chișinău: “Without fear to love”",
                "About 350 people marched and reached the destination, protected by the police.",
                "GENDERDOC-M held the annual march of equality in Chișinău under the campaign *Fără Frică de Iubire* (Without fear to love).\n\n- about 350 participants\n- the march reached its destination\n- counter-protesters shouted, but there was no violence"
            ),
            translation: (
                "ro", "Marșul egalității la Chișinău: „Fără frică de iubire”",
                "Aproximativ 350 de oameni au mers până la destinație, protejați de poliție.",
                "GENDERDOC-M a organizat marșul anual al egalității la Chișinău sub campania *Fără Frică de Iubire*.\n\n- aproximativ 350 de participanți\n- marșul a ajuns la destinație\n- contraprotestatarii au strigat, dar nu a fost violență"
            ))
        march.participants = "350"
        march.incidents = ["2"]
        var chechnya = draft(
            .statement, date: "2018-04-01", countries: ["RU"], categories: ["police_and_law_enforcement", "freedom_from_torture"],
            en: (
                "A year after the first testimonies from Chechnya",
                "Unlawful detention, humiliation and torture of LGBT people in the North Caucasus continue.",
                "A year has passed since the first testimonies of LGBT people persecuted in Chechnya were published.\n\n## What you can do\n\n1. Share verified information, never names.\n2. Support the organisations that help people leave the region."
            ),
            translation: (
                "ru", "Год после первых свидетельств из Чечни",
                "Незаконные задержания, унижения и пытки ЛГБТ-людей на Северном Кавказе продолжаются.",
                "Прошёл год с публикации первых свидетельств ЛГБТ-людей, преследуемых в Чечне.\n\n## Что можно сделать\n\n1. Делиться проверенной информацией, никогда не называя имён.\n2. Поддерживать организации, которые помогают людям уехать из региона."
            ))
        chechnya.incidents = ["3"]
        return [fled, vote, fined, joint, march, chechnya]
    }
}
