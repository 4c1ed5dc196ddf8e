using System.Buffers.Binary;
using System.IO.Compression;
using EffNetBench.Core.Benchmarking.EndToEnd;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Imaging;

/// <summary>Generated test images, and whether DecodeImage can run on this platform at all.</summary>
internal static class EndToEndImages
{
    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            OrtExtensions.Probe(Png(Textured(4, 4, 1)));
            return null;
        }
        catch (EndToEndUnavailableException e)
        {
            return e.Message;
        }
    });

    /// <summary>Why DecodeImage (Microsoft.ML.OnnxRuntime.Extensions) cannot run here, or null when it can.</summary>
    public static string? ExtensionsUnavailable => Unavailable.Value;

    /// <summary>Deterministic texture: sinusoids, noise and a 16-pixel checkerboard, so every resize tap matters.</summary>
    public static SKBitmap Textured(int width, int height, int seed, SKColor? tint = null)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(seed);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte r = Clamp(128 + (100 * Math.Sin(x * 0.05)) + random.Next(-40, 40));
                byte g = Clamp(128 + (100 * Math.Cos(y * 0.07)) + random.Next(-40, 40));
                byte b = (byte)(((x / 16) + (y / 16)) % 2 == 0 ? 230 : 20);
                bitmap.SetPixel(x, y, tint is SKColor t ? new SKColor(Mix(r, t.Red), Mix(g, t.Green), Mix(b, t.Blue)) : new SKColor(r, g, b));
            }
        }

        return bitmap;
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using (bitmap)
        {
            using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }

    public static byte[] Jpeg(SKBitmap bitmap)
    {
        using (bitmap)
        {
            using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
            return data.ToArray();
        }
    }

    /// <summary>An 8-bit RGB PNG with Adam7 interlacing (Skia cannot write one), pixels as <see cref="Textured"/>.</summary>
    public static byte[] InterlacedPng(int width, int height)
    {
        using SKBitmap source = Textured(width, height, 3);
        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        var raw = new MemoryStream();
        foreach ((int x0, int y0, int dx, int dy) in passes)
        {
            if (x0 >= width || y0 >= height)
            {
                continue;
            }

            for (int y = y0; y < height; y += dy)
            {
                raw.WriteByte(0); // filter: none
                for (int x = x0; x < width; x += dx)
                {
                    SKColor c = source.GetPixel(x, y);
                    raw.Write([c.Red, c.Green, c.Blue]);
                }
            }
        }

        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // truecolour
        header[12] = 1; // Adam7
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    /// <summary>PNG's CRC-32 (polynomial 0xEDB88320), bit by bit: a few hundred bytes per test image.</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(value, 0, 255);

    private static byte Mix(byte value, byte tint) => (byte)((value + (3 * tint)) / 4);
}
