/// The chapter headings of ILGA-Europe's Annual Review, under which incidents are reported per country.
public enum AnnualReviewHeading: String, CaseIterable, Sendable, Codable {
    case accessToGoodsAndServices = "access_to_goods_and_services"
    case asylum
    case biasMotivatedSpeech = "bias_motivated_speech"
    case biasMotivatedViolence = "bias_motivated_violence"
    case bodilyIntegrity = "bodily_integrity"
    case dataCollection = "data_collection"
    case education
    case employment
    case equalityAndNonDiscrimination = "equality_and_non_discrimination"
    case family
    case foreignPolicy = "foreign_policy"
    case freedomFromTorture = "freedom_from_torture"
    case freedomOfAssembly = "freedom_of_assembly"
    case freedomOfAssociation = "freedom_of_association"
    case freedomOfExpression = "freedom_of_expression"
    case health
    case housing
    case humanRightsDefenders = "human_rights_defenders"
    case legalGenderRecognition = "legal_gender_recognition"
    case participationInPublicLife = "participation_in_public_life"
    case policeAndLawEnforcement = "police_and_law_enforcement"
    case publicOpinion = "public_opinion"
    case sexualAndReproductiveRights = "sexual_and_reproductive_rights"
    case socialSecurity = "social_security"

    /// The heading as the Annual Review prints it, and its Russian and Romanian renderings.
    public func label(_ language: Language) -> String {
        let (en, ru, ro) = labels
        switch language {
        case .en: return en
        case .ru: return ru
        case .ro: return ro
        }
    }

    private var labels: (String, String, String) {
        switch self {
        case .accessToGoodsAndServices: return ("Access to goods and services", "Доступ к товарам и услугам", "Acces la bunuri și servicii")
        case .asylum: return ("Asylum", "Убежище", "Azil")
        case .biasMotivatedSpeech: return ("Bias-motivated speech", "Высказывания на почве ненависти", "Discurs motivat de prejudecăți")
        case .biasMotivatedViolence: return ("Bias-motivated violence", "Насилие на почве ненависти", "Violență motivată de prejudecăți")
        case .bodilyIntegrity: return ("Bodily integrity", "Телесная неприкосновенность", "Integritate corporală")
        case .dataCollection: return ("Data collection", "Сбор данных", "Colectarea datelor")
        case .education: return ("Education", "Образование", "Educație")
        case .employment: return ("Employment", "Трудоустройство", "Ocuparea forței de muncă")
        case .equalityAndNonDiscrimination:
            return ("Equality and non-discrimination", "Равенство и недискриминация", "Egalitate și nediscriminare")
        case .family: return ("Family", "Семья", "Familie")
        case .foreignPolicy: return ("Foreign policy", "Внешняя политика", "Politică externă")
        case .freedomFromTorture:
            return (
                "Freedom from torture, cruel, inhuman or degrading treatment",
                "Свобода от пыток, жестокого, бесчеловечного или унижающего достоинство обращения",
                "Protecția împotriva torturii și a tratamentelor crude, inumane sau degradante"
            )
        case .freedomOfAssembly: return ("Freedom of assembly", "Свобода собраний", "Libertatea de întrunire")
        case .freedomOfAssociation: return ("Freedom of association", "Свобода объединений", "Libertatea de asociere")
        case .freedomOfExpression: return ("Freedom of expression", "Свобода выражения мнений", "Libertatea de exprimare")
        case .health: return ("Health", "Здоровье", "Sănătate")
        case .housing: return ("Housing", "Жильё", "Locuință")
        case .humanRightsDefenders: return ("Human rights defenders", "Правозащитники", "Apărătorii drepturilor omului")
        case .legalGenderRecognition:
            return ("Legal gender recognition", "Юридическое признание гендера", "Recunoașterea juridică a genului")
        case .participationInPublicLife:
            return (
                "Participation in public, cultural and political life", "Участие в общественной, культурной и политической жизни",
                "Participarea la viața publică, culturală și politică"
            )
        case .policeAndLawEnforcement:
            return ("Police and law enforcement", "Полиция и правоохранительные органы", "Poliția și aplicarea legii")
        case .publicOpinion: return ("Public opinion", "Общественное мнение", "Opinia publică")
        case .sexualAndReproductiveRights:
            return ("Sexual and reproductive rights", "Сексуальные и репродуктивные права", "Drepturi sexuale și reproductive")
        case .socialSecurity:
            return ("Social security and social protection", "Социальное обеспечение и защита", "Securitate și protecție socială")
        }
    }
}
