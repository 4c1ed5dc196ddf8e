using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Plots;

/// <summary>Checks on the files a plot wrote.</summary>
internal static partial class PlotAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The two paths returned are directory/stem.png and directory/stem.svg, PNG first, and nothing else is left there.</summary>
    public static (string Png, string Svg) Written(IReadOnlyList<string> paths, string directory, string stem)
    {
        Assert.Equal(2, paths.Count);
        Assert.Equal(Path.GetFullPath(Path.Combine(directory, stem + ".png")), paths[0]);
        Assert.Equal(Path.GetFullPath(Path.Combine(directory, stem + ".svg")), paths[1]);

        // The temporary files of the atomic write are gone.
        Assert.Equal(
            new[] { stem + ".png", stem + ".svg" },
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        return (paths[0], paths[1]);
    }

    /// <summary>A real PNG of a readable size, with text drawn in its title band.</summary>
    public static void Png(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 20_000, $"{path}: only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);

        // IHDR comes first: width and height, big-endian, after the chunk length and type.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        int width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        int height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.InRange(width, 1000, 1400);
        Assert.InRange(height, 700, 900);

        // Nothing but the title is drawn in the top band: dark pixels there mean a font was found and used.
        using SKBitmap bitmap = SKBitmap.Decode(bytes);
        int dark = 0;
        for (int y = 0; y < 40; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red < 120 && c.Green < 120 && c.Blue < 120)
                {
                    dark++;
                }
            }
        }

        Assert.True(dark > 200, $"{path}: {dark} dark pixels in the title band, so the title did not render");
    }

    /// <summary>An SVG document whose text elements include every one of <paramref name="texts"/>; returns its text.</summary>
    public static string Svg(string path, params string[] texts)
    {
        string svg = File.ReadAllText(path);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg.TrimEnd(), StringComparison.Ordinal);
        IReadOnlyList<string> shown = Texts(svg);
        foreach (string text in texts)
        {
            Assert.True(shown.Contains(text), $"{path}: no text \"{text}\" among: {string.Join(" | ", shown)}");
        }

        return svg;
    }

    /// <summary>The contents of the SVG's text elements, trimmed and unescaped.</summary>
    public static IReadOnlyList<string> Texts(string svg) =>
        [.. TextElement().Matches(svg).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value.Trim()))];

    [GeneratedRegex(@"<text\b[^>]*>(?<text>[^<]*)</text>", RegexOptions.CultureInvariant)]
    private static partial Regex TextElement();
}
