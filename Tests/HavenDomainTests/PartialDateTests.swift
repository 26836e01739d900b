import HavenDomain
import Testing

@Suite("Dates with precision")
struct PartialDateTests {
    @Test(
        "day, month, year and estimate read and write back as ISO 8601 as precise as known",
        arguments: [
            ("2020-06-08", PartialDate.Precision.day), ("2020-02", .month), ("2017", .year), ("~2017", .estimate), ("~2018-04", .estimate),
        ])
    func roundTrip(text: String, precision: PartialDate.Precision) throws {
        let date = try #require(PartialDate(parsing: text))
        #expect(date.precision == precision)
        #expect(date.description == text)
    }

    @Test("February 2020 is a month, not 1 February: it spans the whole month")
    func month() throws {
        let february = try #require(PartialDate(parsing: "2020-02"))
        #expect(february.day == nil)
        #expect(february.earliestDay == "2020-02-01" && february.latestDay == "2020-02-29")
        #expect(PartialDate(parsing: "2019-02")?.latestDay == "2019-02-28")
        #expect(PartialDate(parsing: "2017")?.latestDay == "2017-12-31")
        #expect(PartialDate(parsing: "2020-06-08")?.earliestDay == "2020-06-08")
    }

    @Test(
        "impossible or malformed dates are refused",
        arguments: [
            "", "20", "2020-2", "2020-13", "2019-02-29", "2020-04-31", "0000",
            "2020/06/08", "2020-06-08T10:00", "٢٠٢٠", "2020--01", "~",
        ])
    func refused(text: String) {
        #expect(PartialDate(parsing: text) == nil)
    }

    @Test("a leap day exists only in leap years")
    func leapDays() {
        #expect(PartialDate(parsing: "2000-02-29") != nil)
        #expect(PartialDate(parsing: "1900-02-29") == nil)
        #expect(PartialDate(parsing: "2024-02-29") != nil)
    }

    @Test("the precision codes are the date-precision vocabulary's")
    func vocabulary() {
        for precision in PartialDate.Precision.allCases {
            #expect(Vocabulary.datePrecisions.term(precision.rawValue) != nil)
        }
    }
}
