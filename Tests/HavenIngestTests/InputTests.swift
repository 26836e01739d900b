import HavenDomain
import Testing

@testable import HavenIngest

@Suite struct InputTests {
    @Test func htmlBecomesParagraphsWithoutTagsScriptsOrEntities() {
        let text = PlainText.fromHTML(
            "<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>Title</h1><p>First &amp; only</p><p>Second&nbsp;one</p></body></html>"
        )
        #expect(NewsIngest.items(in: text) == ["Title", "First & only", "Second one"])
    }

    @Test func sampleItemsAreStable() {
        #expect(SampleNews.items(3) == SampleNews.items(3) && SampleNews.items(50).allSatisfy { !$0.isEmpty })
    }
}

@Suite struct FoldingTests {
    @Test func theQuickFoldAgreesWithSearchText() {
        for word in [
            "Khabarovsk", "ХАБАРОВСКИЙ", "Ёлка", "Chișinău", "Bălți", "GENDERDOC-M", "Genève", "Йошкар", "straße", "Žilina", "19th",
        ] {
            #expect(Document.fold(word) == SearchText.fold(word).replacingOccurrences(of: " ", with: "-"), "\(word)")
        }
    }
}
