using System.Text;
using EffNetBench.Core.Reporting.Rendering;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>The precision parts of eval.json and eval.md.</summary>
public static class PrecisionReportWriter
{
    /// <summary>Classes listed in eval.md's recall-change table (all of them are in eval.json).</summary>
    public const int RecallRowsShown = 10;

    /// <summary>A difference is called significant below this McNemar p-value.</summary>
    public const double Alpha = 0.05;

    public static IReadOnlyList<PrecisionDocument> Documents(PrecisionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Runs.Select(r => new PrecisionDocument(r.Precision, r.ModelPath, r.Images, r.Top1.Value, [r.Top1.WilsonLow95, r.Top1.WilsonHigh95],
            r.Top5?.Value, r.Top5 is null ? null : [r.Top5.WilsonLow95, r.Top5.WilsonHigh95], r.ImagesPerSecond,
            r.Conversion?.ConvertedNodes, r.Conversion?.KeptFloatNodes, r.Conversion is null ? null : [.. r.Conversion.KeptFloatOpTypes],
            r.Conversion?.Calibration, r.Conversion?.SyntheticCalibration ?? false))];
    }

    public static IReadOnlyList<PrecisionComparisonDocument> ComparisonDocuments(PrecisionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Comparisons.Select(c => new PrecisionComparisonDocument(c.Precision, c.Baseline, c.Images, c.BaselineTop1, c.Top1, c.Top1Difference,
            c.McNemar.BaselineOnly, c.McNemar.OtherOnly, c.McNemar.Method, c.McNemar.ChiSquare, c.McNemar.PValue, c.Top1Agreement,
            c.MeanAbsLogitDifference, c.MaxAbsLogitDifference,
            [.. c.ClassRecall.Select(r => new ClassRecallDocument(r.Class, r.Support, r.BaselineRecall, r.Recall, r.Change))]))];
    }

    /// <summary>"## Precisions": top-1/top-5 per precision, then each comparison with fp32.</summary>
    public static string Markdown(PrecisionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        void Line(string text) => md.Append(text).Append('\n');
        Line("## Precisions");
        Line(string.Empty);
        Line("Every precision on the same images, with the same preprocessing.");
        Line(string.Empty);
        md.Append(MarkdownTable.Render(["Precision", "Top-1", "Top-1 95 % CI", "Top-5", "Images", "Kept in float", "Calibration"], "lrrrrrl",
            report.Runs.Select(r => (IReadOnlyList<string>)
            [
                r.Precision, Percent(r.Top1.Value), $"{Percent(r.Top1.WilsonLow95)} – {Percent(r.Top1.WilsonHigh95)}",
                r.Top5 is null ? "n/a" : Percent(r.Top5.Value), Number(r.Images),
                r.Conversion is null ? "–" : Number(r.Conversion.KeptFloatNodes),
                r.Conversion is null ? "–" : MarkdownTable.Escape(r.Conversion.Calibration ?? "none (" + r.Precision + " needs none)")
                    + (r.Conversion.SyntheticCalibration ? " (synthetic inputs: no calibration images)" : string.Empty),
            ])));
        foreach (PrecisionComparison c in report.Comparisons)
        {
            Line(string.Empty);
            Line($"### {c.Precision} against {c.Baseline}");
            Line(string.Empty);
            McNemarResult t = c.McNemar;
            string test = t.ChiSquare is double chi
                ? $"McNemar {t.Method}: chi-square {Number(chi, "0.###")}, p = {P(t.PValue)}"
                : $"McNemar {t.Method} (fewer than {Number(McNemar.ExactBelow)} discordant images): p = {P(t.PValue)}";
            string verdict = t.BaselineOnly + t.OtherOnly == 0 ? "no image is classified right by one precision and wrong by the other"
                : t.PValue < Alpha ? $"the difference is significant at {Number(Alpha, "0.##")}"
                : $"no significant difference at {Number(Alpha, "0.##")} (inconclusive, not \"equal\")";
            Line($"- Top-1: {Percent(c.Top1)} vs {Percent(c.BaselineTop1)}, difference {Signed(c.Top1Difference)} on {Number(c.Images)} paired images");
            Line($"- Discordant images: {Number(t.BaselineOnly)} right only in {c.Baseline}, {Number(t.OtherOnly)} right only in {c.Precision}; {test}: {verdict}");
            Line($"- Top-1 agreement: {Percent(c.Top1Agreement)}");
            Line($"- Output (logit) difference: mean |Δ| {Number(c.MeanAbsLogitDifference, "0.######")}, max |Δ| {Number(c.MaxAbsLogitDifference, "0.######")}");
            Line(string.Empty);
            Line($"Recall change per class, largest drops first ({Number(Math.Min(RecallRowsShown, c.ClassRecall.Length))} of {Number(c.ClassRecall.Length)} classes with images; all in eval.json):");
            Line(string.Empty);
            md.Append(MarkdownTable.Render(["Class", "Support", $"Recall {c.Baseline}", $"Recall {c.Precision}", "Change"], "lrrrr",
                c.ClassRecall.Take(RecallRowsShown).Select(r => (IReadOnlyList<string>)
                    [MarkdownTable.Escape(r.Class), Number(r.Support), Number(r.BaselineRecall, "0.0000"), Number(r.Recall, "0.0000"), Signed(r.Change)])));
        }

        Line(string.Empty);
        return md.ToString();
    }

    private static string P(double p) => p < 0.0001 ? "< 0.0001" : Number(p, "0.####");

    private static string Signed(double fraction) => (fraction > 0 ? "+" : fraction < 0 ? "−" : "±") + Number(Math.Abs(fraction) * 100, "0.00") + " pp";
}
