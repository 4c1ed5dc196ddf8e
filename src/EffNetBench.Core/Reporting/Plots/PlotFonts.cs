using System.IO.Compression;
using SkiaSharp;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// Typefaces for plot text. The embedded DejaVu Sans subset is used whenever it has every glyph of a
/// text, so a plot looks the same on every machine and has text even where no font is installed.
/// </summary>
internal static class PlotFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load(PlotFontData.RegularGzipBase64));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load(PlotFontData.BoldGzipBase64));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>
    /// The embedded typeface if it covers <paramref name="text"/>; otherwise an installed font that does
    /// (model or device names may hold characters the subset lacks, and boxes would hide them).
    /// </summary>
    public static SKTypeface For(string text, bool bold = false)
    {
        SKTypeface embedded = bold ? Bold : Regular;
        if (embedded.ContainsGlyphs(text))
        {
            return embedded;
        }

        string family = ScottPlot.Fonts.Detect(text);
        SKTypeface? installed = ScottPlot.Fonts.GetTypeface(family, bold, italic: false);

        // A machine without fonts hands back an empty default typeface: the subset still shows most of the text.
        return installed is not null && installed.GlyphCount > 0 ? installed : embedded;
    }

    private static SKTypeface Load(string gzipBase64)
    {
        // Convert.FromBase64String skips the line breaks the constant is wrapped with.
        byte[] compressed = Convert.FromBase64String(gzipBase64);
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var ttf = new MemoryStream();
        input.CopyTo(ttf);

        using SKData data = SKData.CreateCopy(ttf.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("The embedded plot font could not be loaded.");
    }
}
