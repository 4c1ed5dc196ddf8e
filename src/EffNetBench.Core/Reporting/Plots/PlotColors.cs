using ScottPlot;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>Colours shared by every plot.</summary>
internal static class PlotColors
{
    /// <summary>Category10 without its red, which is kept for regressions so a red mark always means one.</summary>
    private static readonly Color[] Series =
    [
        Color.FromHex("#1f77b4"),
        Color.FromHex("#ff7f0e"),
        Color.FromHex("#2ca02c"),
        Color.FromHex("#9467bd"),
        Color.FromHex("#8c564b"),
        Color.FromHex("#e377c2"),
        Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"),
        Color.FromHex("#17becf"),
    ];

    public static Color Regression { get; } = Color.FromHex("#d62728");

    /// <summary>Text and the neutral symbols of legend keys.</summary>
    public static Color Ink { get; } = Color.FromHex("#333333");

    /// <summary>The colour of the series at this position; callers order series by name, so the same series get the same colours whatever the input order.</summary>
    public static Color ForSeries(int index) => Series[index % Series.Length];
}
