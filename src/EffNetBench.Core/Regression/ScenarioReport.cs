using System.Globalization;
using System.Text;
using EffNetBench.Core.Reporting.Rendering;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Regression;

/// <summary>The serving-scenario part of compare's and ab's reports: a Markdown section and CSV cells.</summary>
internal static class ScenarioReport
{
    /// <summary>The rule in one paragraph, for the Markdown section.</summary>
    public const string Rule =
        "More per second is faster. Offline throughput: the Mann-Whitney equivalence tests of the latency verdict on the wall time per image (1000 / images per second) of every measuring window, at the baseline's best (concurrency, batch) point (else the current side's best), with the same threshold, noise floor, drift allowance and gates. "
        + "Server maximum rate within the p99 bound: from each side's rate bracket (highest rate within the bound, lowest beyond it); faster or slower only when the brackets do not overlap and the smallest change they allow exceeds the threshold (and, for two sequential runs, the drift allowance); same when the largest change they allow is within the threshold; otherwise inconclusive. Different bounds are inconclusive. "
        + "A figure one side lacks is not compared, and does not count towards the exit code.";

    public static readonly string[] CsvHeaders =
    [
        "offline_compared_at", "baseline_offline_ips", "current_offline_ips", "offline_ratio", "offline_verdict", "offline_reason", "offline_note",
        "max_rate_bound", "baseline_max_rate", "current_max_rate", "max_rate_ratio", "max_rate_verdict", "max_rate_reason", "max_rate_note",
    ];

    /// <summary>A "Serving scenarios" section for the cases that have serving figures; nothing when none has.</summary>
    public static void AppendMarkdown(StringBuilder text, IReadOnlyList<(string Case, ScenarioComparison Figure)> figures)
    {
        if (figures.Count == 0)
        {
            return;
        }

        int Count(Verdict v) => figures.Count(f => f.Figure.Verdict == v);
        int compared = figures.Count(f => f.Figure.Compared);
        text.Append("### Serving scenarios\n\n").Append(Rule).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"**{Count(Verdict.Slower)} slower, {Count(Verdict.Faster)} faster, {Count(Verdict.Same)} same, {Count(Verdict.Inconclusive)} inconclusive** of {compared} serving {(compared == 1 ? "figure" : "figures")} compared");
        text.Append(figures.Count > compared ? string.Create(CultureInfo.InvariantCulture, $"; {figures.Count - compared} not compared.\n\n") : ".\n\n");
        text.Append(MarkdownTable.Render(
            ["case", "figure", "compared at", "baseline", "current", "change", "verdict"],
            "lllrrrl",
            figures.Select(f => (IReadOnlyList<string>)
            [
                f.Case, Label(f.Figure), f.Figure.Configuration ?? string.Empty,
                Value(f.Figure.BaselineValue, f.Figure.BaselineBracketHigh, f.Figure), Value(f.Figure.CurrentValue, f.Figure.CurrentBracketHigh, f.Figure),
                Change(f.Figure.Ratio), VerdictCell(f.Figure),
            ])));
        text.Append('\n');
    }

    /// <summary>The CSV cells of <see cref="CsvHeaders"/> for one case (empty where neither side has the figure).</summary>
    public static IEnumerable<string> CsvCells(ScenarioComparison? offline, ScenarioComparison? maxRate) =>
        [.. Cells(offline), .. Cells(maxRate)];

    private static string[] Cells(ScenarioComparison? f) => f is null
        ? [.. Enumerable.Repeat(string.Empty, 7)]
        :
        [
            f.Configuration ?? string.Empty, Exact(f.BaselineValue), Exact(f.CurrentValue), Exact(f.Ratio),
            f.Verdict?.Name() ?? "not_compared", f.Reason?.Name() ?? string.Empty, f.Note ?? string.Empty,
        ];

    private static string Label(ScenarioComparison f) => f.Metric == ScenarioComparison.OfflineThroughput
        ? "offline images/s"
        : "server max rate (requests/s)";

    /// <summary>A rate, or "&lt; R" when even the lowest rate tried (R) exceeded the bound.</summary>
    private static string Value(double? value, double? bracketHigh, ScenarioComparison f) => value switch
    {
        double v => Number(v, "0.#"),
        null when f.Metric == ScenarioComparison.ServerMaxRate && bracketHigh is double high => "< " + Number(high, "0.##"),
        _ => "-",
    };

    private static string VerdictCell(ScenarioComparison f) => f.Verdict switch
    {
        null => f.Note ?? "not compared",
        Verdict.Slower => "**slower**",
        Verdict.Inconclusive when f.Note is not null => $"inconclusive: {f.Note}",
        Verdict v => v.Name(),
    };
}
