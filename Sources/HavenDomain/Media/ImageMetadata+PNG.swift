/// PNG and WebP: chunks are kept or dropped by type; WebP's extended header loses its EXIF and XMP flags and the
/// RIFF size is written anew.
extension ImageMetadata {
    /// PNG chunks that carry metadata: EXIF, text (where XMP lives, as `iTXt`), and the last-modified time.
    static let pngMetadataChunks: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]

    static func strippedPNG(_ bytes: [UInt8]) -> [UInt8]? {
        var output = Array(bytes.prefix(8))
        var index = 8
        while let length = bytes.bigEndian(index, 4), let type = bytes.fourCC(index + 4) {
            guard length <= bytes.count - index - 12 else { return nil }
            let end = index + 12 + length
            if !pngMetadataChunks.contains(type) { output += bytes[index..<end] }
            index = end
            if type == "IEND" { return output }
        }
        return nil
    }

    static func strippedWebP(_ bytes: [UInt8]) -> [UInt8]? {
        guard let riffSize = bytes.littleEndian32(4), riffSize >= 4, riffSize <= bytes.count - 8 else { return nil }
        var output = Array(bytes.prefix(12))
        var index = 12
        let end = 8 + riffSize
        while index + 8 <= end {
            guard let type = bytes.fourCC(index), let size = bytes.littleEndian32(index + 4), size <= end - index - 8 else { return nil }
            let chunkEnd = min(end, index + 8 + size + (size & 1))
            switch type {
            case "EXIF", "XMP ":
                break
            case "VP8X" where size >= 1:
                var chunk = Array(bytes[index..<chunkEnd])
                chunk[8] &= ~(0x08 | 0x04)
                output += chunk
            default:
                output += bytes[index..<chunkEnd]
            }
            index = chunkEnd
        }
        let size = output.count - 8
        output[4] = UInt8(size & 0xFF)
        output[5] = UInt8(size >> 8 & 0xFF)
        output[6] = UInt8(size >> 16 & 0xFF)
        output[7] = UInt8(size >> 24 & 0xFF)
        return output
    }
}
