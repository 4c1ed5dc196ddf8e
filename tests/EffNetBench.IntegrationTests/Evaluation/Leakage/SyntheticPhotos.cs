using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Leakage;

/// <summary>Deterministic photo-like test images (a gradient, shapes, pixel noise) and the edits a leaked copy goes
/// through: re-encoding, resizing, a brightness shift.</summary>
internal static class SyntheticPhotos
{
    public const int Width = 500;
    public const int Height = 375;

    /// <summary>A different picture for every seed: a two-colour gradient at a random angle, 8 random shapes, and
    /// +-12 levels of pixel noise.</summary>
    public static SKBitmap Make(int seed, int width = Width, int height = Height)
    {
        var random = new Random(seed);
        SKColor Colour() => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            double angle = random.NextDouble() * Math.PI * 2;
            var centre = new SKPoint(width / 2f, height / 2f);
            var reach = new SKPoint((float)(Math.Cos(angle) * width / 2), (float)(Math.Sin(angle) * height / 2));
            using (var gradient = new SKPaint())
            {
                gradient.Shader = SKShader.CreateLinearGradient(centre - reach, centre + reach, [Colour(), Colour()], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, width, height, gradient);
            }

            using var paint = new SKPaint { IsAntialias = true };
            for (int i = 0; i < 8; i++)
            {
                paint.Color = Colour();
                float x = (float)(random.NextDouble() * width), y = (float)(random.NextDouble() * height);
                float w = (float)((0.08 + (random.NextDouble() * 0.3)) * width), h = (float)((0.08 + (random.NextDouble() * 0.3)) * height);
                if (random.Next(2) == 0)
                {
                    canvas.DrawOval(x, y, w / 2, h / 2, paint);
                }
                else
                {
                    canvas.DrawRect(x - (w / 2), y - (h / 2), w, h, paint);
                }
            }
        }

        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int noise = random.Next(-12, 13);
            for (int c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + noise, 0, 255);
            }
        }

        return bitmap;
    }

    /// <summary>The image resized (area average via mipmaps, as a thumbnailer would) and encoded as JPEG.</summary>
    public static byte[] ResizedJpeg(SKBitmap image, int width, int height, int quality)
    {
        using SKBitmap resized = image.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))!;
        using SKData data = resized.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>A copy with <paramref name="delta"/> added to every channel, clamped to 0-255.</summary>
    public static SKBitmap Brightened(SKBitmap image, int delta)
    {
        SKBitmap copy = image.Copy();
        Span<byte> pixels = copy.GetPixelSpan();
        for (int i = 0; i < pixels.Length; i += 4)
        {
            for (int c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + delta, 0, 255);
            }
        }

        return copy;
    }

    public static byte[] Encode(SKBitmap image, SKEncodedImageFormat format, int quality = 100)
    {
        using SKData data = image.Encode(format, quality);
        return data.ToArray();
    }
}
