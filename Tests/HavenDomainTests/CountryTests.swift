import HavenDomain
import Testing

@Suite("Countries")
struct CountryTests {
    @Test("the 249 ISO 3166-1 countries and Kosovo, each named in English, Russian and Romanian")
    func list() {
        #expect(Country.all.count == 250)
        #expect(Country.all.allSatisfy { $0.code.count == 2 })
        for country in Country.all {
            for language in Language.allCases { #expect(country.name(language) != country.code, "\(country.code) \(language)") }
        }
        #expect(Country(code: "EU") == nil && Country(code: "UN") == nil && Country(code: "ZZ") == nil && Country(code: "MDA") == nil)
    }

    @Test("names in the region's own languages")
    func names() throws {
        let moldova = try #require(Country(code: "md"))
        #expect(moldova.name(.en) == "Moldova" && moldova.name(.ru) == "Молдова" && moldova.name(.ro) == "Republica Moldova")
        #expect(Country(code: "KZ")?.name(.ru) == "Казахстан")
        #expect(Country(code: "CH")?.name(.ro) == "Elveția")
    }

    @Test("a name in any language finds its country, without case or diacritics")
    func lookup() {
        #expect(Country.named("Молдова")?.code == "MD")
        #expect(Country.named("republica moldova")?.code == "MD")
        #expect(Country.named("ELVETIA")?.code == "CH")
        #expect(Country.named("Kazakhstan")?.code == "KZ")
        #expect(Country.named("Atlantis") == nil)
    }

    @Test("menus sort by the reader's language")
    func sorting() {
        let russian = Country.sorted(for: .ru).map { $0.name(.ru) }
        #expect(russian.first?.hasPrefix("А") == true)
        let english = Country.sorted(for: .en).map(\.code)
        #expect(english.first == "AF")
    }
}
