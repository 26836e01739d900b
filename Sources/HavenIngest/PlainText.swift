import Foundation

/// Text from HTML files: tags removed, block ends as blank lines, the common entities decoded.
public enum PlainText {
    public static func fromHTML(_ html: String) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        var skipping = false
        for character in html {
            if character == "<" {
                inTag = true
                tag = ""
                continue
            }
            if inTag {
                if character == ">" {
                    inTag = false
                    let lower = tag.lowercased()
                    let name = String(lower.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
                    if name == "script" || name == "style" { skipping = !lower.hasPrefix("/") }
                    if ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "article", "section", "blockquote"].contains(name) {
                        text += "\n\n"
                    }
                } else {
                    tag.append(character)
                }
                continue
            }
            if !skipping { text.append(character) }
        }
        for (entity, value) in [
            ("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&laquo;", "«"),
            ("&raquo;", "»"), ("&mdash;", "—"), ("&ndash;", "–"), ("&hellip;", "…"),
        ] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text
    }
}
