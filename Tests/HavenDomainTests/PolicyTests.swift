import HavenDomain
import Testing

@Suite("Passwords, e-mail addresses, languages")
struct PolicyTests {
    @Test("passwords of 12 to 128 characters pass without composition rules")
    func acceptable() {
        #expect(PasswordPolicy.problem(with: "violet harbour lantern") == nil)
        #expect(PasswordPolicy.problem(with: "ночь улица фонарь аптека") == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "abcd", count: 32)) == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "ab", count: 8)) == .tooCommon)
        #expect(PasswordPolicy.problem(with: "abcdefghij12".uppercased() + "x") == nil)
    }

    @Test("short, long, common and mismatched passwords are refused with their reason")
    func refused() {
        #expect(PasswordPolicy.problem(with: "short pass") == .tooShort)
        #expect(PasswordPolicy.problem(with: String(repeating: "a1", count: 65)) == .tooLong)
        #expect(PasswordPolicy.problem(with: String(repeating: "ж", count: 600)) == .tooLong)
        #expect(PasswordPolicy.problem(with: "Password1234") == .tooCommon)
        #expect(PasswordPolicy.problem(with: "qwerty 123456") == .tooCommon)
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaaaaaa") == .tooCommon)
        #expect(PasswordPolicy.problem(with: "parol123456") == .tooShort)
        #expect(PasswordPolicy.problem(with: "violet harbour lantern", confirmation: "violet harbour lanterns") == .mismatch)
    }

    @Test("e-mail addresses are normalised and implausible ones refused")
    func emails() {
        #expect(EmailAddress("  Ana.Popescu@Example.ORG ")?.value == "ana.popescu@example.org")
        for bad in [
            "", "ana", "ana@", "@example.org", "ana@example", "ana @example.org", "a@b@example.org", "ana@.org",
            String(repeating: "a", count: 250) + "@example.org",
        ] {
            #expect(EmailAddress(bad) == nil, "\(bad) should be refused")
        }
    }

    @Test("Accept-Language picks the best supported language by quality")
    func languages() {
        #expect(Language.preferred(acceptLanguage: "ro-MD,ro;q=0.9,en;q=0.5") == .ro)
        #expect(Language.preferred(acceptLanguage: "de-DE,ru;q=0.8,en;q=0.7") == .ru)
        #expect(Language.preferred(acceptLanguage: "de, fr;q=0.5") == nil)
        #expect(Language.preferred(acceptLanguage: "ru;q=0, en;q=0.1") == .en)
    }

    @Test("roles: only administrators manage users")
    func roles() {
        #expect(StaffRole.allCases.filter(\.managesUsers) == [.administrator])
    }
}
