import Foundation
import Vapor

/// `/app/ingest` after posting: each item with its extracted values highlighted in the text.
struct IngestReviewPage: Page {
    static let template = "ingest/review"

    /// A run of the item's text; `kind` names what was found there (`date`, `place`, `organisation`, `count`) or is empty.
    struct Segment: Encodable {
        let text: String
        let kind: String
    }

    /// A record that already holds this item.
    struct Duplicate: Encodable {
        let code: String
        let title: String
        let isExact: Bool
    }

    /// One item.
    struct Item: Encodable {
        let number: Int
        let text: String
        let segments: [Segment]
        let language: String
        let kindName: String
        let dates: [String]
        let countries: [String]
        let places: [String]
        let organisations: [String]
        let counts: [String]
        let headings: [String]
        let types: [String]
        let duplicates: [Duplicate]
    }

    let chrome: PageChrome
    let referenceDate: String
    let items: [Item]
}
