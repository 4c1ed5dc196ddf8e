using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;
using static EffNetBench.Tests.Regression.RegressionData;

namespace EffNetBench.Tests.Regression;

public sealed class HistoryTests
{
    private static readonly CompareOptions Defaults = new();

    /// <summary>Three releases of b0 at 10, 10 and 12.5 ms (a regression in v1.2), and b1 only from v1.1 on; v1.2 on
    /// <paramref name="ort3"/>.</summary>
    private static BenchmarkResults[] Releases(string ort3 = "1.32.0") =>
    [
        Run("r3", Day1.AddDays(20), [Case("b0", Normal(5, 100, 12.5)), Case("b1", Normal(6, 100, 20), resolution: 240)], label: "v1.2", tool: "0.3.0", onnxRuntime: ort3),
        Run("r1", Day1, [Case("b0", Normal(1, 100, 10))], label: "v1.0", tool: "0.1.0"),
        Run("r2", Day1.AddDays(10), [Case("b0", Normal(3, 100, 10)), Case("b1", Normal(4, 100, 20), resolution: 240)], label: "v1.1", tool: "0.2.0"),
    ];

    [Fact]
    public void Runs_are_in_time_order_whatever_the_order_given()
    {
        History history = HistoryBuilder.Build(Releases(), HistoryLabel.RunLabel, Defaults);

        Assert.Equal(["r1", "r2", "r3"], history.Runs.Select(r => r.Id));
        Assert.Equal(["v1.0", "v1.1", "v1.2"], history.Runs.Select(r => r.Label));
    }

    [Theory]
    [InlineData(HistoryLabel.RunLabel, "v1.0,v1.1,v1.2")]
    [InlineData(HistoryLabel.Tool, "0.1.0,0.2.0,0.3.0")]
    [InlineData(HistoryLabel.OnnxRuntime, "1.31.1,1.31.1,1.32.0")]
    public void Runs_are_labelled_as_asked(HistoryLabel labelBy, string expected)
    {
        History history = HistoryBuilder.Build(Releases(), labelBy, Defaults);

        Assert.Equal(expected, string.Join(',', history.Runs.Select(r => r.Label)));
        Assert.Equal(expected.Split(',')[2], history.Cases[0].Points[2].Label);
    }

    /// <summary>Pre-releases 0.2.0-alpha.0.9 and .12 (the 9th and 12th commits towards 0.2.0) and the release, measured
    /// in the opposite order: the release first, then .12, then .9.</summary>
    private static BenchmarkResults[] Builds() =>
    [
        Run("r1", Day1, [Case("b0", Normal(1, 100, 10))], tool: "0.2.0"),
        Run("r2", Day1.AddDays(1), [Case("b0", Normal(2, 100, 10))], tool: "0.2.0-alpha.0.12+1a2b3c4"),
        Run("r3", Day1.AddDays(2), [Case("b0", Normal(3, 100, 10))], tool: "0.2.0-alpha.0.9+9f8e7d6"),
    ];

    [Fact]
    public void Labelled_by_tool_the_runs_are_in_semver_order_numeric_identifiers_as_numbers()
    {
        History history = HistoryBuilder.Build(Builds(), HistoryLabel.Tool, Defaults);

        Assert.Equal(["r3", "r2", "r1"], history.Runs.Select(r => r.Id));
        Assert.Equal(["0.2.0-alpha.0.9+9f8e7d6", "0.2.0-alpha.0.12+1a2b3c4", "0.2.0"], history.Runs.Select(r => r.Label));
        Assert.Equal([0, 1, 2], history.Cases[0].Points.Select(p => p.RunIndex));
        Assert.Contains("Runs, in order of effnet-bench version (SemVer precedence; oldest first within a version), labelled by effnet-bench version:", HistoryReport.Markdown(history));
        Assert.Equal(["r1", "r2", "r3"], HistoryBuilder.Build(Builds(), HistoryLabel.RunLabel, Defaults).Runs.Select(r => r.Id));
    }

    [Fact]
    public void Labelled_by_tool_runs_of_one_version_keep_their_time_order()
    {
        BenchmarkResults[] runs =
        [
            Run("late", Day1.AddDays(3), [Case("b0", Normal(1, 100, 10))], tool: "0.2.0"),
            Run("early", Day1, [Case("b0", Normal(2, 100, 10))], tool: "0.2.0"),
            Run("old", Day1.AddDays(5), [Case("b0", Normal(3, 100, 10))], tool: "0.1.1-alpha.0.3+abcdef0"),
        ];

        Assert.Equal(["old", "early", "late"], HistoryBuilder.Build(runs, HistoryLabel.Tool, Defaults).Runs.Select(r => r.Id));
    }

    [Fact]
    public void Labelled_by_tool_a_version_that_is_not_semver_leaves_the_runs_in_time_order_with_a_warning()
    {
        BenchmarkResults[] runs = [.. Builds(), Run("r4", Day1.AddDays(3), [Case("b0", Normal(4, 100, 10))], tool: "0.2.0.1")];

        History history = HistoryBuilder.Build(runs, HistoryLabel.Tool, Defaults);

        Assert.Equal(["r1", "r2", "r3", "r4"], history.Runs.Select(r => r.Id));
        Assert.Contains("tool version '0.2.0.1' is not a SemVer 2 version, so the runs are in time order, not version order", history.Warnings);
    }

    [Fact]
    public void A_run_without_a_label_is_named_by_its_id()
    {
        History history = HistoryBuilder.Build([Run("r1", Day1, [Case("b0", Normal(1, 9, 10))])], HistoryLabel.RunLabel, Defaults);

        Assert.Equal("r1", Assert.Single(history.Runs).Label);
    }

    [Fact]
    public void Each_point_is_judged_against_the_previous_run_that_has_the_case()
    {
        History history = HistoryBuilder.Build(Releases(ort3: "1.31.1"), HistoryLabel.RunLabel, Defaults);

        CaseTrend b0 = history.Cases[0];
        Assert.Equal("b0-r224/cpu/b1/tdefault", b0.Case.Id);
        Assert.Equal([0, 1, 2], b0.Points.Select(p => p.RunIndex));
        Assert.Equal([null, Verdict.Same, Verdict.Slower], b0.Points.Select(p => p.Verdict));
        Assert.Null(b0.Points[0].MedianRatio);
        Assert.Equal(1.25, b0.Points[2].RatioToFirst!.Value, 2);
        Assert.True(b0.AnySlower);

        CaseTrend b1 = history.Cases[1];
        Assert.Equal([1, 2], b1.Points.Select(p => p.RunIndex));
        Assert.Equal([null, Verdict.Same], b1.Points.Select(p => p.Verdict));
        Assert.True(history.AnySlower);
    }

    [Fact]
    public void A_new_onnx_runtime_makes_the_step_inconclusive_unless_the_history_is_labelled_by_it()
    {
        TrendPoint byRunLabel = HistoryBuilder.Build(Releases(), HistoryLabel.RunLabel, Defaults).Cases[0].Points[2];
        TrendPoint byOrt = HistoryBuilder.Build(Releases(), HistoryLabel.OnnxRuntime, Defaults).Cases[0].Points[2];

        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.EnvironmentsDiffer), (byRunLabel.Verdict, byRunLabel.Reason));
        Assert.Equal("environments differ (ONNX Runtime version)", byRunLabel.Note);
        Assert.Equal((Verdict.Slower, (InconclusiveReason?)null), (byOrt.Verdict, byOrt.Reason));
    }

    [Fact]
    public void History_uses_the_compare_vocabulary_a_small_sequential_step_is_drift_not_ruled_out()
    {
        BenchmarkResults[] runs =
        [
            Run("r1", Day1, [Case("b0", Normal(1, 200, 10, 0.01))]),
            Run("r2", Day1.AddDays(1), [Case("b0", Scaled(Normal(2, 200, 10, 0.01), 1.08))]),
        ];

        TrendPoint point = HistoryBuilder.Build(runs, HistoryLabel.RunLabel, Defaults).Cases[0].Points[1];

        Assert.Equal((Verdict.Inconclusive, InconclusiveReason.DriftNotRuledOut), (point.Verdict, point.Reason));
        Assert.Contains("inconclusive: one launch per side", HistoryReport.Markdown(HistoryBuilder.Build(runs, HistoryLabel.RunLabel, Defaults)));
    }

    [Fact]
    public void A_failed_run_is_skipped_when_judging_the_next_one()
    {
        BenchmarkResults[] runs =
        [
            Run("r1", Day1, [Case("b0", Normal(1, 100, 10))]),
            Run("r2", Day1.AddDays(1), [Failed("b0", "crashed")]),
            Run("r3", Day1.AddDays(2), [Case("b0", Normal(2, 100, 13))]),
        ];

        TrendPoint[] points = [.. HistoryBuilder.Build(runs, HistoryLabel.RunLabel, Defaults).Cases[0].Points];

        Assert.Equal(Verdict.Inconclusive, points[1].Verdict);
        Assert.Equal("this run failed: crashed", points[1].Note);
        Assert.Equal(Verdict.Slower, points[2].Verdict);
        Assert.Equal(1.3, points[2].MedianRatio!.Value, 1);
    }

    [Fact]
    public void Environment_changes_between_runs_and_repeated_runs_are_warnings()
    {
        BenchmarkResults[] runs = [.. Releases(), Releases()[1]];

        History history = HistoryBuilder.Build(runs, HistoryLabel.RunLabel, Defaults);

        Assert.Equal(3, history.Runs.Length);
        Assert.Contains("run r1 was given more than once; it is counted once", history.Warnings);
        Assert.Contains("effnet-bench version differs (v1.0: 0.1.0; v1.1: 0.2.0), so latency changes may come from it rather than from the release", history.Warnings);
        Assert.Contains("ONNX Runtime version differs (v1.1: 1.31.1; v1.2: 1.32.0), so latency changes may come from it rather than from the release", history.Warnings);
    }

    [Fact]
    public void No_runs_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => HistoryBuilder.Build([], HistoryLabel.RunLabel, Defaults));
    }

    [Fact]
    public void Markdown_marks_regressions_and_has_a_table_per_case()
    {
        string markdown = HistoryReport.Markdown(HistoryBuilder.Build(Releases(ort3: "1.31.1"), HistoryLabel.RunLabel, Defaults));

        Assert.Contains("**Regressions:** `b0-r224/cpu/b1/tdefault` at v1.2 (+2", markdown);
        Assert.Contains("### b0-r224/cpu/b1/tdefault\n\n| run | started (UTC) | median ms | p99 ms | vs previous | vs first | samples | verdict |\n", markdown);
        Assert.Contains("### b1-r240/cpu/b1/tdefault\n", markdown);
        Assert.Contains("| v1.0 | 2025-01-10 08:00 | 10.0", markdown);
        Assert.Contains("| 100 | **slower** |\n", markdown);
        Assert.Contains("| 1 | v1.0 | r1 | 2025-01-10 08:00 | 0.1.0 | 1.31.1 | host-r1 |\n", markdown);
        Assert.EndsWith("|\n", markdown);
    }

    [Fact]
    public void Csv_has_one_row_per_case_and_run_and_is_the_same_under_a_foreign_culture()
    {
        History history = HistoryBuilder.Build(Releases(ort3: "1.31.1"), HistoryLabel.Tool, Defaults);
        string csv = HistoryReport.Csv(history);
        string[] lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            "case_id,model,resolution,provider,batch,threads,run_index,label,run_id,started_utc,tool_version,onnxruntime,median_ms,p99_ms,samples,median_ratio,ratio_to_first,verdict,note,reason",
            lines[0]);
        Assert.Equal(1 + 3 + 2, lines.Length);
        Assert.StartsWith("b0-r224/cpu/b1/tdefault,b0,224,cpu,1,default,0,0.1.0,r1,2025-01-10T08:00:00Z,0.1.0,1.31.1,", lines[1]);
        Assert.EndsWith(",100,,1,,,", lines[1]);
        Assert.EndsWith(",slower,,", lines[3]);
        using (new CultureScope("de-DE"))
        {
            Assert.Equal(csv, HistoryReport.Csv(history));
            Assert.Equal(HistoryReport.Markdown(history), HistoryReport.Markdown(HistoryBuilder.Build(Releases(ort3: "1.31.1"), HistoryLabel.Tool, Defaults)));
        }
    }

    [Fact]
    public void Files_are_written_into_the_out_folder()
    {
        using var dir = new TempFolder();
        History history = HistoryBuilder.Build(Releases(), HistoryLabel.RunLabel, Defaults);

        IReadOnlyList<string> files = HistoryReport.WriteFiles(history, Path.Combine(dir.Path, "new"));

        Assert.Equal([Path.Combine(dir.Path, "new", "history.md"), Path.Combine(dir.Path, "new", "history.csv")], files);
        Assert.Equal(HistoryReport.Markdown(history), File.ReadAllText(files[0]));
        Assert.Equal(HistoryReport.Csv(history), File.ReadAllText(files[1]));
    }
}
