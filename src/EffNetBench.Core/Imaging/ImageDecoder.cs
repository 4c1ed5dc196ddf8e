using System.Globalization;
using SkiaSharp;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// Decodes JPEG, PNG, WebP, BMP and GIF (first frame) with Skia into opaque, upright RGBA8888. Grey, palette and CMYK
/// sources come out as RGB; alpha is dropped (PIL's convert("RGB"), which the reference accuracies were measured with).
/// Never throws for a bad image: a long evaluation should report and skip it, not die on image 31,337.
/// </summary>
public static class ImageDecoder
{
    public const long DefaultMaxPixels = 100_000_000;

    public static DecodeResult Decode(string path, long maxPixels = DefaultMaxPixels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return DecodeResult.Failure($"'{path}' does not exist");
        }

        try
        {
            return DecodeExisting(path, maxPixels);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or OutOfMemoryException)
        {
            return DecodeResult.Failure($"'{path}' could not be read: {e.Message}");
        }
    }

    private static DecodeResult DecodeExisting(string path, long maxPixels)
    {
        using SKCodec? codec = SKCodec.Create(path, out SKCodecResult created);
        if (codec is null)
        {
            return DecodeResult.Failure($"'{path}' is not a decodable image ({created}); supported: JPEG, PNG, WebP, BMP, GIF");
        }

        SKImageInfo encoded = codec.Info;
        long pixels = (long)encoded.Width * encoded.Height;
        if (encoded.Width <= 0 || encoded.Height <= 0)
        {
            return DecodeResult.Failure($"'{path}' declares an empty size {Size(encoded)}");
        }

        // Checked before any pixel memory is allocated: the header alone can claim gigapixels in a few bytes.
        if (pixels > maxPixels)
        {
            return DecodeResult.Failure(
                $"'{path}' is {Size(encoded)} = {pixels.ToString(CultureInfo.InvariantCulture)} pixels, above the limit of {maxPixels.ToString(CultureInfo.InvariantCulture)} (a decompression bomb or a mislabelled file)");
        }

        var bitmap = new SKBitmap(new SKImageInfo(encoded.Width, encoded.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        try
        {
            // Decoded unpremultiplied so transparent pixels keep their colour; the alpha bytes are then forced to 255.
            var target = new SKImageInfo(encoded.Width, encoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            SKCodecResult result = codec.GetPixels(target, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                string why = result == SKCodecResult.IncompleteInput ? "truncated (incomplete image data)" : result.ToString();
                bitmap.Dispose();
                return DecodeResult.Failure($"'{path}' could not be decoded: {why}");
            }

            if (encoded.AlphaType != SKAlphaType.Opaque)
            {
                Span<byte> span = bitmap.GetPixelSpan();
                for (int i = 3; i < span.Length; i += 4)
                {
                    span[i] = 255;
                }
            }

            SKBitmap? upright = ExifOrientation.Apply(bitmap, codec.EncodedOrigin);
            if (upright is not null)
            {
                bitmap.Dispose();
                bitmap = upright;
            }

            return new DecodeResult(bitmap, null);
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    private static string Size(SKImageInfo info) =>
        FormattableString.Invariant($"{info.Width}x{info.Height}");
}
