/// Removes what a photo says about where, when and with what it was taken — EXIF (GPS position, device, serial
/// numbers, the moment), XMP, IPTC, comments, text chunks and embedded thumbnails — from JPEG, PNG, WebP and HEIF/HEIC
/// files, leaving the picture itself as it was. Pure byte work: no decoding, no re-encoding, linear in the size.
///
///     if let clean = ImageMetadata.stripped(bytes) { store(clean) }
public enum ImageMetadata {
    /// The image formats whose metadata Haven removes.
    public enum Format: String, Sendable, CaseIterable {
        case jpeg, png, webp, heif
    }

    /// The format by the file's first bytes (never by its name or declared type); nil for anything else.
    public static func format(of bytes: some Collection<UInt8>) -> Format? {
        let head = Array(bytes.prefix(32))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.count >= 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) { return .webp }
        if head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8) {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis"].contains(brand) { return .heif }
        }
        return nil
    }

    /// The image without its metadata, or nil when the bytes are not a well-formed file of a known format (the caller
    /// then decides whether to keep or refuse it). A JPEG keeps its orientation (the only EXIF entry it keeps), so the
    /// picture still shows upright; colour profiles stay.
    public static func stripped(_ bytes: [UInt8]) -> [UInt8]? {
        switch format(of: bytes) {
        case .jpeg: return strippedJPEG(bytes)
        case .png: return strippedPNG(bytes)
        case .webp: return strippedWebP(bytes)
        case .heif: return strippedHEIF(bytes)
        case nil: return nil
        }
    }
}

/// Big- and little-endian reads that answer nil past the end instead of trapping.
extension Array where Element == UInt8 {
    func bigEndian(_ offset: Int, _ count: Int) -> Int? {
        guard offset >= 0, count >= 0, count <= 8, offset <= self.count - count else { return nil }
        var value = 0
        for index in offset..<(offset + count) { value = value << 8 | Int(self[index]) }
        return value
    }

    func littleEndian32(_ offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }

    func fourCC(_ offset: Int) -> String? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return String(decoding: self[offset..<(offset + 4)], as: UTF8.self)
    }
}
