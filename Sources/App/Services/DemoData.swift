import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
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
        let logins = [Login(role: .administrator, email: "admin@demo.example", password: password),
                      Login(role: .documenter, email: "documenter@demo.example", password: password),
                      Login(role: .caseworker, email: "caseworker@demo.example", password: password)]
        let pending = try await PendingSetup.prepare(app: app, organisationName: "Haven demo", email: EmailAddress(logins[0].email)!, password: password)
        let admin = try await pending.commit(app: app, on: db, actor: "demo")
        let adminKey = (id: try admin.requireID(), privateKey: pending.administratorPrivateKey)
        for login in logins.dropFirst() {
            let code = try await Accounts.invite(app: app, db: db, email: EmailAddress(login.email)!, role: login.role, by: adminKey)
            _ = try await Accounts.redeem(app: app, db: db, code: code, password: login.password)
        }
        guard let documentationKey = try await DocumentationKey.openIfHeld(userID: adminKey.id, privateKey: adminKey.privateKey, on: db) else {
            throw Abort(.internalServerError, reason: "the documentation key was not made")
        }
        let keys = DocumentationKeys(documentation: documentationKey)
        let author = (id: adminKey.id, publicKey: admin.publicKey)
        for (draft, victims) in incidents() {
            let change = IncidentChange(draft: draft, victims: victims.map { PersonReference.new(name: $0) }, perpetrators: victims.map { _ in nil })
            let code = try await Incidents.create(app: app, db: db, change, keys: keys, by: author)
            if draft.types.contains("V4.1"), let incident = try await Incident.find(on: db, code: code) {
                try await LegalProceedings.add(app: app, db: db, to: incident, proceeding(), key: nil, by: adminKey.id)
            }
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

    private static func act(_ type: String, date: String, placeType: String, status: String, perpetratorType: String,
                            consequences: String = "") -> ActDraft {
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

    private static func source(_ title: String, kind: SourceKind = .news, date: String, reliability: String = "reliable",
                               connection: String = "ngo") -> SourceDraft {
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
        family.acts = [act("V7.1", date: "~2019", placeType: "family_home", status: "displaced", perpetratorType: "family",
                           consequences: "Left the country with his partner."),
                       act("V10.2", date: "2020-02", placeType: "border", status: "displaced", perpetratorType: "family")]
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
        khabarovsk.acts = [act("V4.1", date: "2020-06-08", placeType: "court", status: "fined", perpetratorType: "judiciary",
                               consequences: "Administrative penalty; the expert opinion came from the children's rights commissioner's office.")]
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

        return [(family, ["Daniyar K. (demo)", "Ruslan S. (demo)"]), (khabarovsk, ["Alexei V. (demo)"]), (march, []), (chechnya, []),
                (testimony, ["Ilya M. (demo)"])]
    }
}
