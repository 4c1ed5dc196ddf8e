using System.Globalization;
using System.Text;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Rendering;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Regression;

/// <summary>Renders a <see cref="Comparison"/>: Markdown for a pull-request comment, CSV and JSON for machines.</summary>
public static class ComparisonReport
{
    private static readonly string[] CsvHeaders =
    [
        "case_id", "model", "resolution", "provider", "batch", "threads", "presence",
        "baseline_median_ms", "current_median_ms", "median_ratio", "baseline_p99_ms", "current_p99_ms", "p99_ratio",
        "baseline_peak_rss_bytes", "current_peak_rss_bytes", "peak_rss_change_bytes", "baseline_samples", "current_samples",
        "threshold_test", "noise_test", "verdict", "note",
        "reason", "noise_allowance", "allowance_test", "baseline_busy_share", "current_busy_share", "baseline_launch_spread", "current_launch_spread",
        .. ScenarioReport.CsvHeaders,
    ];

    public static string Markdown(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder();
        text.Append("## effnet-bench compare\n\n");
        text.Append(MarkdownTable.Render(
            ["", "run", "label", "started (UTC)", "tool", "ONNX Runtime", "host"],
            "lllllll",
            [RunRow("baseline", comparison.Baseline), RunRow("current", comparison.Current)]));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"Mann-Whitney equivalence tests on every inference ({comparison.Options.Describe()}): a case is slower or faster only when the change is significantly beyond the threshold, the noise floor and the drift allowance of two sequential runs (or the launch-to-launch spread, when larger); it is inconclusive when a side was not measured, has too few samples, missed its precision target or ran on a busy machine, or the environments differ.\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"**{comparison.Count(Verdict.Slower)} slower, {comparison.Count(Verdict.Faster)} faster, {comparison.Count(Verdict.Same)} same, {comparison.Count(Verdict.Inconclusive)} inconclusive** of {comparison.Cases.Length} {(comparison.Cases.Length == 1 ? "case" : "cases")} in both runs.\n\n");
        foreach (string warning in comparison.Warnings)
        {
            text.Append("> **Warning:** ").Append(MarkdownTable.Escape(warning)).Append("\n\n");
        }

        if (comparison.Cases.Length > 0)
        {
            text.Append(MarkdownTable.Render(
                ["case", "baseline median ms", "current median ms", "median change", "baseline p99 ms", "current p99 ms", "p99 change", "peak RSS change", "samples", "verdict"],
                "lrrrrrrrrl",
                comparison.Cases.Select(c => (IReadOnlyList<string>)
                [
                    c.Case.Id,
                    Ms(c.BaselineMedianMs),
                    Ms(c.CurrentMedianMs),
                    Change(c.MedianRatio),
                    Ms(c.BaselineP99Ms),
                    Ms(c.CurrentP99Ms),
                    Change(c.P99Ratio),
                    MibChange(c.PeakRssChangeBytes),
                    string.Create(CultureInfo.InvariantCulture, $"{c.BaselineSamples} / {c.CurrentSamples}"),
                    VerdictCell(c),
                ])));
            text.Append('\n');
        }

        ScenarioReport.AppendMarkdown(text, [.. comparison.Cases.SelectMany(c => c.Scenarios.Select(s => (c.Case.Id, s)))]);
        AppendCaseList(text, "New cases (only in the current run)", comparison.NewCases);
        AppendCaseList(text, "Missing cases (only in the baseline)", comparison.MissingCases);

        // Sections end with a blank line; the document ends with exactly one newline.
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>One row per case: those in both runs, then new ones, then missing ones (figures empty).</summary>
    public static string Csv(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        IEnumerable<IReadOnlyList<string>> both = comparison.Cases.Select(c => Row(c.Case, "both",
        [
            Exact(c.BaselineMedianMs), Exact(c.CurrentMedianMs), Exact(c.MedianRatio),
            Exact(c.BaselineP99Ms), Exact(c.CurrentP99Ms), Exact(c.P99Ratio),
            Exact(c.BaselinePeakRssBytes), Exact(c.CurrentPeakRssBytes), Exact(c.PeakRssChangeBytes),
            Exact(c.BaselineSamples), Exact(c.CurrentSamples),
            c.ThresholdTest.Name(), c.NoiseTest.Name(), c.Verdict.Name(), c.Note ?? string.Empty,
            c.Reason?.Name() ?? string.Empty, Exact(c.NoiseAllowance), c.AllowanceTest?.Name() ?? string.Empty,
            Exact(c.BaselineBusyShare), Exact(c.CurrentBusyShare), Exact(c.BaselineLaunchSpread), Exact(c.CurrentLaunchSpread),
            .. ScenarioReport.CsvCells(c.OfflineThroughput, c.ServerMaxRate),
        ]));
        string[] empty = new string[CsvHeaders.Length - 7];
        Array.Fill(empty, string.Empty);
        IEnumerable<IReadOnlyList<string>> added = comparison.NewCases.Select(k => Row(k, "new", empty));
        IEnumerable<IReadOnlyList<string>> missing = comparison.MissingCases.Select(k => Row(k, "missing", empty));
        return Tabular.Csv(CsvHeaders, both.Concat(added).Concat(missing));
    }

    public static string Json(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Tabular.ToJson(comparison);
    }

    private static IReadOnlyList<string> RunRow(string side, ComparedRun run) =>
        [side, run.Id, run.Label ?? string.Empty, UtcMinute(run.StartedUtc), run.ToolVersion, run.OnnxRuntime, run.Hostname];

    private static string VerdictCell(CaseComparison c) => c.Verdict switch
    {
        Verdict.Slower => "**slower**",
        Verdict.Inconclusive when c.Note is not null => $"inconclusive: {c.Note}",
        _ => c.Verdict.Name(),
    };

    private static IReadOnlyList<string> Row(CaseKey key, string presence, IReadOnlyList<string> figures) =>
    [
        key.Id, key.Model, Exact(key.Resolution), key.Provider, Exact(key.Batch), Threads(key.Threads), presence, .. figures,
    ];

    private static void AppendCaseList(StringBuilder text, string title, IReadOnlyList<CaseKey> cases)
    {
        if (cases.Count > 0)
        {
            text.Append("**").Append(title).Append(":** ")
                .AppendJoin(", ", cases.Select(k => "`" + k.Id + "`"))
                .Append("\n\n");
        }
    }
}
