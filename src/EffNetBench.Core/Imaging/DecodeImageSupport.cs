using System.Globalization;

namespace EffNetBench.Core.Imaging;

/// <summary>Which image files the in-graph decoder (DecodeImage of onnxruntime-extensions 0.14.0, see
/// <see cref="PreprocessingGraph"/>) decodes correctly: checked on the file before it is fed, since bytes DecodeImage
/// cannot take could end the process inside libjpeg, and some it takes come out wrong without an error.</summary>
public static class DecodeImageSupport
{
    /// <summary>
    /// Why <paramref name="path"/> cannot be fed to DecodeImage, or null when it can: it must exist, decode with our
    /// <see cref="ImageDecoder"/>, and be a file DecodeImage (onnxruntime-extensions 0.14.0) decodes correctly: a
    /// non-interlaced PNG (interlaced ones come out scrambled, silently) or a 3-component JPEG (grey and CMYK ones come
    /// out with 1 or 4 channels).
    /// </summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
        {
            return "does not exist: give the path of a PNG or JPEG image";
        }

        using (DecodeResult decoded = ImageDecoder.Decode(path))
        {
            if (decoded.Error is string error)
            {
                return $"cannot be decoded: {error}";
            }
        }

        // The whole file: EXIF, XMP or Photoshop segments can push a JPEG's frame header far in (it decoded above, so
        // it is not a bomb, and end-to-end reads it whole anyway).
        ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
        if (bytes.StartsWith(PngSignature))
        {
            // IHDR is the first chunk: width, height, bit depth, colour type, compression, filter, then interlace at byte 28.
            return bytes.Length > 28 && bytes[28] != 0
                ? "is an interlaced PNG, which DecodeImage (onnxruntime-extensions 0.14.0) decodes scrambled: save it without interlacing"
                : null;
        }

        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            int? components = JpegComponents(bytes);
            return components switch
            {
                3 => null,
                null => "is a JPEG whose frame header was not found: DecodeImage's output could not be checked; re-save it as a baseline JPEG",
                _ => string.Create(CultureInfo.InvariantCulture,
                    $"is a JPEG with {components} colour components (grey or CMYK); DecodeImage (onnxruntime-extensions 0.14.0) gives 3-channel images only for 3-component JPEGs: convert it to RGB"),
            };
        }

        return "is neither PNG nor JPEG: DecodeImage (onnxruntime-extensions) decodes those two formats only";
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Nf of the first start-of-frame segment (SOF0-SOF15 except DHT C4, JPG C8, DAC CC), or null.</summary>
    internal static int? JpegComponents(ReadOnlySpan<byte> jpeg)
    {
        int at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }

            byte marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }

            int length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                // length(2) precision(1) height(2) width(2) Nf(1)
                return at + 9 < jpeg.Length ? jpeg[at + 9] : null;
            }

            if (marker == 0xDA || length < 2)
            {
                return null; // scan data before any frame header
            }

            at += 2 + length;
        }

        return null;
    }
}
