using EffNetBench.Core.Regression;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Regression;

public sealed class ComparisonReportTests
{
    private static readonly CaseKey B0 = new("b0-r224/cpu/b1/tdefault", "b0", 224, "cpu", 1, null);
    private static readonly CaseKey B1 = new("b1-r240/cpu/b1/t2", "b1", 240, "cpu", 1, 2);
    private static readonly CaseKey Mine = new("my|net/cpu/b1/tdefault", "my|net", null, "cpu", 1, null);

    /// <summary>A fixed comparison: a regression, an unknown case, a new and a missing case, and one warning.</summary>
    private static Comparison Fixed() => new(
        new ComparedRun("20250110T080000Z-a", "v1.0", new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero), "0.1.0", "1.31.1", "Test CPU", "host-a"),
        new ComparedRun("20250111T093000Z-b", null, new DateTimeOffset(2025, 1, 11, 9, 30, 15, TimeSpan.Zero), "0.2.0", "1.31.1", "Test CPU", "host-b"),
        new CompareOptions(),
        [
            new CaseComparison(B0, 7.5, 9.375, 8.25, 12.375, 100L << 20, 105L << 20, 120, 96, Verdict.Slower, Verdict.Slower, Verdict.Slower, null),
            new CaseComparison(B1, 0.0125, null, 0.5, null, null, null, 40, 0, Verdict.Inconclusive, Verdict.Inconclusive, Verdict.Inconclusive, "current failed: out of memory")
            {
                Reason = InconclusiveReason.NotMeasured,
            },
        ],
        [Mine],
        [new CaseKey("b2-r260/cpu/b1/tdefault", "b2", 260, "cpu", 1, null)],
        ["effnet-bench version differs (baseline: 0.1.0; current: 0.2.0), so latency changes may come from it rather than from the release"]);

    private const string ExpectedMarkdown =
        "## effnet-bench compare\n\n"
        + "|  | run | label | started (UTC) | tool | ONNX Runtime | host |\n"
        + "|---|---|---|---|---|---|---|\n"
        + "| baseline | 20250110T080000Z-a | v1.0 | 2025-01-10 08:00 | 0.1.0 | 1.31.1 | host-a |\n"
        + "| current | 20250111T093000Z-b |  | 2025-01-11 09:30 | 0.2.0 | 1.31.1 | host-b |\n\n"
        + "Mann-Whitney equivalence tests on every inference (threshold 5 %, noise floor 0.05 ms, alpha 0.01, max busy 15 %, drift allowance 10 %): a case is slower or faster only when the change is significantly beyond the threshold, the noise floor and the drift allowance of two sequential runs (or the launch-to-launch spread, when larger); it is inconclusive when a side was not measured, has too few samples, missed its precision target or ran on a busy machine, or the environments differ.\n\n"
        + "**1 slower, 0 faster, 0 same, 1 inconclusive** of 2 cases in both runs.\n\n"
        + "> **Warning:** effnet-bench version differs (baseline: 0.1.0; current: 0.2.0), so latency changes may come from it rather than from the release\n\n"
        + "| case | baseline median ms | current median ms | median change | baseline p99 ms | current p99 ms | p99 change | peak RSS change | samples | verdict |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
        + "| b0-r224/cpu/b1/tdefault | 7.50 | 9.38 | +25.0 % | 8.25 | 12.38 | +50.0 % | +5.0 MB | 120 / 96 | **slower** |\n"
        + "| b1-r240/cpu/b1/t2 | 0.013 |  |  | 0.500 |  |  |  | 40 / 0 | inconclusive: current failed: out of memory |\n\n"
        + "**New cases (only in the current run):** `my|net/cpu/b1/tdefault`\n\n"
        + "**Missing cases (only in the baseline):** `b2-r260/cpu/b1/tdefault`\n";

    private const string ExpectedCsv =
        "case_id,model,resolution,provider,batch,threads,presence,baseline_median_ms,current_median_ms,median_ratio,baseline_p99_ms,current_p99_ms,p99_ratio,baseline_peak_rss_bytes,current_peak_rss_bytes,peak_rss_change_bytes,baseline_samples,current_samples,threshold_test,noise_test,verdict,note,reason,noise_allowance,allowance_test,baseline_busy_share,current_busy_share,baseline_launch_spread,current_launch_spread,offline_compared_at,baseline_offline_ips,current_offline_ips,offline_ratio,offline_verdict,offline_reason,offline_note,max_rate_bound,baseline_max_rate,current_max_rate,max_rate_ratio,max_rate_verdict,max_rate_reason,max_rate_note\r\n"
        + "b0-r224/cpu/b1/tdefault,b0,224,cpu,1,default,both,7.5,9.375,1.25,8.25,12.375,1.5,104857600,110100480,5242880,120,96,slower,slower,slower,,,,,,,,,,,,,,,,,,,,,,\r\n"
        + "b1-r240/cpu/b1/t2,b1,240,cpu,1,2,both,0.0125,,,0.5,,,,,,40,0,inconclusive,inconclusive,inconclusive,current failed: out of memory,not_measured,,,,,,,,,,,,,,,,,,,,\r\n"
        + "my|net/cpu/b1/tdefault,my|net,,cpu,1,default,new,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
        + "b2-r260/cpu/b1/tdefault,b2,260,cpu,1,default,missing,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";

    [Fact]
    public void Markdown_is_exact()
    {
        Assert.Equal(ExpectedMarkdown, ComparisonReport.Markdown(Fixed()));
    }

    [Fact]
    public void Csv_is_exact()
    {
        Assert.Equal(ExpectedCsv, ComparisonReport.Csv(Fixed()));
    }

    [Fact]
    public void Every_format_is_the_same_under_a_foreign_culture()
    {
        string json = ComparisonReport.Json(Fixed());
        using (new CultureScope("de-DE"))
        {
            Assert.Equal(ExpectedMarkdown, ComparisonReport.Markdown(Fixed()));
            Assert.Equal(ExpectedCsv, ComparisonReport.Csv(Fixed()));
            Assert.Equal(json, ComparisonReport.Json(Fixed()));
        }
    }

    [Fact]
    public void Json_has_snake_case_fields_lower_case_verdicts_and_the_summary_flag()
    {
        string json = ComparisonReport.Json(Fixed());

        Assert.Contains("\"baseline_median_ms\": 7.5,", json);
        Assert.Contains("\"median_ratio\": 1.25,", json);
        Assert.Contains("\"verdict\": \"slower\",", json);
        Assert.Contains("\"noise_ms\": 0.05,", json);
        Assert.Contains("\"started_utc\": \"2025-01-11T09:30:15Z\",", json);
        Assert.Contains("\"onnxruntime\": \"1.31.1\",", json);
        Assert.Contains("\"new_cases\": [", json);
        Assert.Contains("\"missing_cases\": [", json);
        Assert.Contains("\"any_slower\": true", json);
        Assert.Contains("\"note\": \"current failed: out of memory\"", json);
    }

    [Fact]
    public void Markdown_without_changes_or_warnings_has_no_empty_sections()
    {
        Comparison same = Fixed() with { Cases = [Fixed().Cases[0] with { Verdict = Verdict.Same }], NewCases = [], MissingCases = [], Warnings = [] };

        string markdown = ComparisonReport.Markdown(same);

        Assert.Contains("**0 slower, 0 faster, 1 same, 0 inconclusive** of 1 case in both runs.", markdown);
        Assert.DoesNotContain("Warning", markdown);
        Assert.DoesNotContain("New cases", markdown);
        Assert.EndsWith("| 120 / 96 | same |\n", markdown);
    }
}
