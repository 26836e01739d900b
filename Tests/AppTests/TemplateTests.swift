import Foundation
import Testing

/// Rules every template keeps, read from the template files themselves.
@Suite("Templates")
struct TemplateTests {
    /// Every `.leaf` file under `Resources/Views`, by path.
    static func templates() throws -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/Views").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "leaf" }.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            String(text[Range(match.range(at: match.numberOfRanges > 1 ? 1 : 0), in: text)!])
        }
    }

    @Test("a control that can be marked invalid points to its error text, and every field error has an id a control points to")
    func errorsAreTiedToTheirControls() throws {
        let templates = try Self.templates()
        #expect(templates.count > 30)
        // The field partial's ids come from `FormField`, which names the hint and the error it shows.
        for (path, text) in templates where !path.hasSuffix("partials/field.leaf") {
            for tag in Self.matches(#"(<(?:input|select|textarea|fieldset)\b[^>]*aria-invalid[^>]*>)"#, in: text) {
                #expect(tag.contains("aria-describedby"), "\(path): \(tag.prefix(160))")
            }
            for paragraph in Self.matches(#"(<p class="field-error"[^>]*>)"#, in: text) where !paragraph.contains("role=\"alert\"") {
                let id = Self.matches(#"id="([^"]+)""#, in: paragraph).first
                #expect(id != nil, "\(path): a field error without an id")
                if let id { #expect(Self.describedByTargets(in: text).contains(id), "\(path): no control points to \(id)") }
            }
        }
    }

    /// The ids `aria-describedby` attributes name, with Leaf conditionals read as present.
    static func describedByTargets(in text: String) -> Set<String> {
        var targets: Set<String> = []
        for value in matches(##"aria-describedby="([^"]*)""##, in: text) {
            let flattened = value.replacingOccurrences(of: #"#if\([^)]*\):"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: "#endif", with: " ")
            for word in flattened.split(separator: " ") { targets.insert(String(word)) }
        }
        return targets
    }
}
