using System.Collections.Immutable;
using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// The confusion matrix as a heatmap: true class in rows (top to bottom), predicted class in columns (left to right),
/// both in class order. A cell's colour is its share of the true class's images (the row sums to 1), so a rare class's
/// errors are as visible as a common class's; with at most <see cref="AnnotateLimit"/> classes each cell also shows
/// its count. With more than <see cref="MaxClasses"/> classes only the most confused part is drawn (see
/// <see cref="MostConfusedClasses"/>) and the title says so.
/// </summary>
public static class ConfusionPlot
{
    public const int MaxClasses = 50;

    private const int AnnotateLimit = 20;
    private const int LabelLength = 18;

    /// <summary>Zero is white, so empty cells disappear and the eye goes to where the images went (ColorBrewer Blues).</summary>
    private static readonly IColormap WhiteToBlue = new ScottPlot.Colormaps.CustomInterpolated(
        [Colors.White, Color.FromHex("#c6dbef"), Color.FromHex("#6baed6"), Color.FromHex("#2171b5"), Color.FromHex("#08306b")]);

    /// <summary>Writes fileStem.png and fileStem.svg; returns their paths, PNG first. Nothing is written for an empty matrix.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<string> classes, IReadOnlyList<IReadOnlyList<long>> matrix, string directory, string fileStem = "confusion")
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(matrix);
        PlotFiles.Validate(directory, fileStem);
        int n = classes.Count;
        if (matrix.Count != n || matrix.Any(row => row is null || row.Count != n))
        {
            throw new ArgumentException("The confusion matrix must be square with one row and one column per class.", nameof(matrix));
        }

        if (n == 0)
        {
            return [];
        }

        ImmutableArray<int> shown = MostConfusedClasses(matrix, MaxClasses);
        int k = shown.Length;
        var share = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            IReadOnlyList<long> row = matrix[shown[r]];

            // Shares of the whole row, so a cut-down matrix still shows each true class's full error rate.
            double total = row.Sum();
            for (int c = 0; c < k; c++)
            {
                share[r, c] = total > 0 ? row[shown[c]] / total : double.NaN;
            }
        }

        string title = k == n
            ? "Confusion matrix (share of each true class)"
            : string.Create(CultureInfo.InvariantCulture, $"Confusion matrix: the {k} most confused of {n} classes (share of each true class)");
        using var figure = new PlotFigure(title, "predicted class", "true class");
        Plot plot = figure.Plot;

        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = WhiteToBlue;
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.White;

        // Edges of the whole grid, so cell (r, c) is centred on x = c, y = k - 1 - r: row 0 at the top, as a confusion matrix is read.
        heatmap.Rectangle = new CoordinateRect(-0.5, k - 0.5, -0.5, k - 0.5);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "share of the true class's images";
        colorBar.LabelStyle.Font = PlotFonts.Regular;
        colorBar.LabelStyle.FontSize = 15;
        colorBar.Axis.TickLabelStyle.Font = PlotFonts.Regular;
        colorBar.Axis.TickLabelStyle.FontSize = 13;
        var shareTicks = new NumericManual();
        foreach (double t in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            shareTicks.AddMajor(t, t.ToString("0%", CultureInfo.InvariantCulture));
        }

        colorBar.Axis.TickGenerator = shareTicks;

        float fontSize = k <= 12 ? 14 : k <= 25 ? 12 : 9;
        if (k <= AnnotateLimit)
        {
            for (int r = 0; r < k; r++)
            {
                for (int c = 0; c < k; c++)
                {
                    long count = matrix[shown[r]][shown[c]];
                    if (count == 0)
                    {
                        continue;
                    }

                    var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), c, k - 1 - r);
                    text.Alignment = Alignment.MiddleCenter;
                    text.LabelStyle.Font = PlotFonts.Regular;
                    text.LabelStyle.FontSize = fontSize;
                    text.LabelStyle.ForeColor = share[r, c] > 0.55 ? Colors.White : PlotColors.Ink;
                }
            }
        }

        string[] labels = [.. shown.Select(i => Short(classes[i]))];
        var xTicks = new NumericManual();
        var yTicks = new NumericManual();
        for (int i = 0; i < k; i++)
        {
            xTicks.AddMajor(i, labels[i]);
            yTicks.AddMajor(k - 1 - i, labels[i]);
        }

        SKTypeface face = PlotFonts.For(string.Concat(labels));
        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Left.TickGenerator = yTicks;
        foreach (IAxis axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.Font = face;
            axis.TickLabelStyle.FontSize = fontSize;
        }

        // Class names run down from the x axis; ScottPlot sizes the axis for upright text, so make room for them.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        using var font = new SKFont(face, fontSize);
        float widest = labels.Max(l => font.MeasureText(l));
        plot.Axes.Bottom.MinimumSize = widest + 45;
        plot.Axes.Left.MinimumSize = widest + 40;
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Grid.IsVisible = false;

        int side = Math.Clamp((k * 24) + 320, 700, 1600);
        return PlotFiles.Write(plot, directory, fileStem, side + 160, side);
    }

    /// <summary>
    /// All classes, in class order, when there are at most <paramref name="limit"/>; otherwise the
    /// <paramref name="limit"/> classes with the most errors in or out (off-diagonal count of their row plus their
    /// column; ties to the lower class index; classes without errors left out, so there may be fewer), still in class
    /// order, so every large confused pair is in view. Without any error: the <paramref name="limit"/> largest classes.
    /// </summary>
    public static ImmutableArray<int> MostConfusedClasses(IReadOnlyList<IReadOnlyList<long>> matrix, int limit)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        int n = matrix.Count;
        if (n <= limit)
        {
            return [.. Enumerable.Range(0, n)];
        }

        var errors = new long[n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                if (r != c)
                {
                    errors[r] += matrix[r][c];
                    errors[c] += matrix[r][c];
                }
            }
        }

        int[] confused = [.. Enumerable.Range(0, n).Where(i => errors[i] > 0).OrderByDescending(i => errors[i]).ThenBy(i => i).Take(limit).Order()];
        if (confused.Length > 0)
        {
            return [.. confused];
        }

        // No errors at all: the classes with the most images, so the plot still shows the diagonal that matters.
        return [.. Enumerable.Range(0, n).OrderByDescending(i => matrix[i].Sum()).ThenBy(i => i).Take(limit).Order()];
    }

    private static string Short(string name) => name.Length <= LabelLength ? name : name[..(LabelLength - 1)] + "…";
}
