using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>Writes a finished plot as PNG and SVG, each file replaced atomically.</summary>
internal static partial class PlotFiles
{
    public const int Width = 1200;
    public const int Height = 750;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Checks the target before any rendering, so a bad stem fails fast and writes nothing.</summary>
    public static void Validate(string directory, string fileStem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileStem);
        if (fileStem.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || fileStem.Contains('/') || fileStem.Contains('\\')
            || fileStem is "." or "..")
        {
            throw new ArgumentException($"'{fileStem}' is not a plain file name stem.", nameof(fileStem));
        }
    }

    /// <summary>Writes directory/fileStem.png and directory/fileStem.svg; returns their full paths in that order.</summary>
    public static IReadOnlyList<string> Write(Plot plot, string directory, string fileStem, int width = Width, int height = Height)
    {
        Directory.CreateDirectory(directory);
        string png = Path.GetFullPath(Path.Combine(directory, fileStem + ".png"));
        string svg = Path.GetFullPath(Path.Combine(directory, fileStem + ".svg"));

        byte[] pngBytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        string svgText = StableSvgIds(plot.GetSvgXml(width, height));

        AtomicFile.WriteAllBytes(png, pngBytes);
        AtomicFile.WriteAllBytes(svg, Utf8NoBom.GetBytes(svgText));
        return [png, svg];
    }

    /// <summary>
    /// Skia numbers the SVG's clip paths from a counter that lives as long as the process, so the second plot of a
    /// run would differ from the same plot drawn first. Renumbering from 1 in document order makes the text depend
    /// on the plot alone.
    /// </summary>
    internal static string StableSvgIds(string svg)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        return SvgIdReference().Replace(svg, match =>
        {
            string id = match.Groups["id"].Value;
            if (!renamed.TryGetValue(id, out string? stable))
            {
                stable = string.Create(CultureInfo.InvariantCulture, $"{match.Groups["prefix"].Value}_{renamed.Count + 1}");
                renamed.Add(id, stable);
            }

            return match.Groups["lead"].Value + stable;
        });
    }

    /// <summary>An element id and every reference to one: id="cl_3f", url(#cl_3f), href="#cl_3f".</summary>
    [GeneratedRegex("""(?<lead>id="|url\(#|href="#)(?<id>(?<prefix>[A-Za-z]+)_[0-9A-Fa-f]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex SvgIdReference();
}
