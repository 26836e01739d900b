import HavenDomain
import Testing

/// Inputs the fuzzers found that once trapped or hung; each stays a test (and a seed of its fuzz corpus).
@Suite struct FuzzFindingsTests {
    /// Foundation's `DateFormatter` traps ("Incorrect range") on ten characters that are more than ten UTF-16 units.
    @Test(arguments: ["0\u{59A}n_:U0\u{59A}n^0U", "2020-0\u{301}1-01", "２０２０-01-01", "2020-01-01\u{301}", "2020-02-30", "0000-01-01"])
    func daysAreReadWithoutDateFormatter(_ typed: String) {
        #expect(Day.normalized(typed) == nil)
    }

    @Test func realDaysStillRead() {
        #expect(Day.normalized(" 2024-02-29 ") == "2024-02-29")
        #expect(Day.normalized("2023-02-29") == nil)
        #expect(Day.parts("1999-12-31")! == (1999, 12, 31))
    }
}
