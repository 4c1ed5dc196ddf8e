using ScottPlot;
using ScottPlot.Plottables;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// A ScottPlot plot with the house style: title, axis titles with units, legend on the right, and every piece of
/// text given a typeface explicitly (ScottPlot's defaults come from global state and the installed fonts).
/// </summary>
internal sealed class PlotFigure : IDisposable
{
    private const float TitleSize = 22;
    private const float AxisTitleSize = 17;
    private const float TickSize = 14;
    private const float LegendSize = 14;

    /// <summary>Legend text wider than this many characters is broken at spaces: the legend must not take the data's room.</summary>
    private const int LegendLineLength = 36;
    public const float PointLabelSize = 13;

    public PlotFigure(string title, string xTitle, string yTitle)
    {
        Plot.FigureBackground.Color = Colors.White;
        Plot.DataBackground.Color = Colors.White;
        Plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        Plot.Grid.MinorLineColor = Color.FromHex("#f3f3f3");
        Plot.Grid.MinorLineWidth = 1;

        Plot.Axes.Title.Label.Text = title;
        Style(Plot.Axes.Title.Label, title, TitleSize, bold: true);
        Plot.Axes.Bottom.Label.Text = xTitle;
        Style(Plot.Axes.Bottom.Label, xTitle, AxisTitleSize, bold: false);
        Plot.Axes.Left.Label.Text = yTitle;
        Style(Plot.Axes.Left.Label, yTitle, AxisTitleSize, bold: false);
        foreach (IAxis axis in new IAxis[] { Plot.Axes.Bottom, Plot.Axes.Left })
        {
            axis.TickLabelStyle.Font = PlotFonts.Regular;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = PlotColors.Ink;
        }

        // Legend items are added by hand (below) so their font is ours, not the global default of ScottPlot.
        Plot.Legend.DisplayPlottableLegendItems = false;

        // Long enough for a dash pattern to show: median and p99 differ only in that.
        Plot.Legend.SymbolWidth = 34;
    }

    public Plot Plot { get; } = new();

    /// <summary>A legend key: a marker, a line, or both.</summary>
    public void AddLegendItem(string text, Color color, MarkerShape marker, float markerSize, float lineWidth,
        LinePattern pattern = default)
    {
        var item = new LegendItem
        {
            LabelText = Wrap(text),
            MarkerStyle = new MarkerStyle(marker, markerSize, color),
            LineStyle = new LineStyle(lineWidth, color, pattern),
        };
        Style(item.LabelStyle, text, LegendSize, bold: false);
        Plot.Legend.ManualItems.Add(item);
    }

    /// <summary>Text next to a data point; offsets in pixels, y down.</summary>
    public void AddText(string text, Coordinates location, Alignment alignment, float offsetX, float offsetY)
    {
        Text label = Plot.Add.Text(text, location);
        label.Alignment = alignment;
        label.OffsetX = offsetX;
        label.OffsetY = offsetY;
        Style(label.LabelStyle, text, PointLabelSize, bold: false);
    }

    /// <summary>Fixes the visible area (nothing is auto-scaled, so label placement can rely on it) and shows the legend.</summary>
    public void Finish(AxisScale xScale, (double Low, double High) x, AxisScale yScale, (double Low, double High) y)
    {
        Plot.Axes.SetLimits(x.Low, x.High, y.Low, y.High);
        xScale.ApplyTicks(Plot.Axes.Bottom, x.Low, x.High);
        yScale.ApplyTicks(Plot.Axes.Left, y.Low, y.High);
        if (Plot.Legend.ManualItems.Count > 0)
        {
            // Beside the data, not over it: device names are long and points fill any corner.
            Plot.ShowLegend(Edge.Right);
        }
    }

    /// <summary>Renders once off screen so <see cref="Plot.GetPixel(Coordinates)"/> knows the final data area.</summary>
    public void Layout() => Plot.RenderInMemory(PlotFiles.Width, PlotFiles.Height);

    public IReadOnlyList<string> Write(string directory, string fileStem) => PlotFiles.Write(Plot, directory, fileStem);

    public void Dispose() => Plot.Dispose();

    /// <summary>Breaks long text into lines of at most <see cref="LegendLineLength"/> characters, at spaces, where it can.</summary>
    internal static string Wrap(string text)
    {
        if (text.Length <= LegendLineLength)
        {
            return text;
        }

        var lines = new List<string>();
        string line = string.Empty;
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LegendLineLength)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join('\n', lines);
    }

    private static void Style(LabelStyle style, string text, float size, bool bold)
    {
        style.Font = PlotFonts.For(text, bold);
        style.FontSize = size;
        style.Bold = bold;
        style.ForeColor = PlotColors.Ink;
    }
}
