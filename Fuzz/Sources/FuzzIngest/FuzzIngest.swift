import Foundation
import FuzzSupport
import HavenIngest

/// News ingest on any text: splitting into items, text from HTML, and every extraction must return; every span found
/// must lie inside the item's text.
@_cdecl("FuzzIngest_main")
public func fuzzIngestMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, count in
        let text = String(decoding: FuzzDriver.bytes(data, count), as: UTF8.self)
        let plain = PlainText.fromHTML(text)
        for item in NewsIngest.items(in: text + "\n\n" + plain).prefix(8) {
            let extraction = NewsIngest.extract(item, reference: Date(timeIntervalSince1970: 1_700_000_000))
            let length = Array(item).count
            let spans =
                extraction.dates.map(\.span) + extraction.places.map(\.span) + extraction.organisations.map(\.span)
                + extraction.counts.map(\.span)
            for span in spans { precondition(0 <= span.start && span.start <= span.end && span.end <= length, "span outside the text") }
        }
        return 0
    }
}
