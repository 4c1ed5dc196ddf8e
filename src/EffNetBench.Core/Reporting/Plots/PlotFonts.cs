using SkiaSharp;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// Typefaces for plot text. The embedded DejaVu Sans subset is used whenever it has every glyph of a
/// text, so a plot looks the same on every machine and has text even where no font is installed.
/// </summary>
/// <remarks>
/// Embedded because ScottPlot 5.1.59 ships no font of its own and the SkiaSharp build it uses on Linux only finds
/// fonts under /usr/share/fonts: on a machine without them every label would be blank. The subsets (ASCII, Latin-1,
/// dashes, quotes, bullet, ellipsis, superscripts, minus, trade mark) and their licence are in Fonts/ beside this file.
/// </remarks>
internal static class PlotFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans-Subset.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold-Subset.ttf"));

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

    private static SKTypeface Load(string fileName)
    {
        string resource = "EffNetBench.Core.Reporting.Plots.Fonts." + fileName;
        using Stream stream = typeof(PlotFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded plot font {resource} is missing from the assembly.");
        using SKData data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded plot font {resource} could not be loaded.");
    }
}
