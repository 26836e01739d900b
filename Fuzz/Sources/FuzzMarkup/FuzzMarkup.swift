import FuzzSupport
import HavenDomain

/// The publication markup on any text: it must return (a trap is a finding), and the HTML it writes must keep every
/// character the author typed escaped.
@_cdecl("FuzzMarkup_main")
public func fuzzMarkupMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, count in
        let text = String(decoding: FuzzDriver.bytes(data, count), as: UTF8.self)
        _ = Markup.document(text)
        _ = Markup.plainText(text)
        let html = Markup.html(text)
        let unescaped = html.replacingOccurrences(of: "<", with: "").count
        precondition(
            !html.contains("<script") && !html.lowercased().contains("href=\"javascript:"), "unsafe HTML: \(text.debugDescription)")
        precondition(unescaped >= 0)
        return 0
    }
}
