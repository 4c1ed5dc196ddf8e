using System.Collections.Immutable;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting;

public sealed class ScenarioSummaryTests
{
    private static readonly OfflinePoint Best = new(2, 1, 180.25, 170, 190.5, 721, 4, [170, 180, 185, 186], 9.75);

    private static CaseResult WithScenarios(ServerResult? server) => SampleResults.Measured() with
    {
        Scenarios = new ScenarioResults(new OfflineResult([Best with { Concurrency = 1, ImagesPerSecond = 100 }, Best], Best, "rule", null), server),
        CpuMsPerImage = 10.04,
    };

    [Fact]
    public void One_line_per_case_with_scenarios_in_the_invariant_culture()
    {
        var server = new ServerResult(24, "3 x single-stream p99", 90, 135, 42,
            [new ServerPoint(90, 91, 300, 0, 6, 9, 20, 11, true), new ServerPoint(135, 120, 300, 3, 30, 60, 90, 10, false)]);
        CaseResult[] cases = [WithScenarios(server), SampleResults.Measured(), SampleResults.Skipped()];

        string text;
        using (new CultureScope("de-DE"))
        {
            text = ScenarioSummary.Render(cases);
        }

        Assert.Equal("b0@224 cpu b1: offline best 180.3 images/s (concurrency 2, batch 1, 95% CI 170.0-190.5); server max 90.0 requests/s with p99 <= 24.0 ms "
            + "(3 x single-stream p99), 135.0 requests/s exceeded it; single-stream CPU 10.0 ms/image\n", text);
        Assert.Equal(string.Empty, ScenarioSummary.Render([SampleResults.Measured()]));
    }

    [Fact]
    public void A_server_that_never_met_the_bound_says_so()
    {
        var server = new ServerResult(24, "--latency-bound", null, 45, 42, [new ServerPoint(45, 40, 300, 0, 30, 40, 50, 11, false)]);

        Assert.Contains("server: even 45.0 requests/s exceeded p99 24.0 ms (--latency-bound)", ScenarioSummary.Render([WithScenarios(server)]));
        Assert.Null(ScenarioSummary.BoundBelowMedian([WithScenarios(server)]));
    }

    [Fact]
    public void An_explicit_bound_below_the_median_is_the_usage_error_of_the_run()
    {
        var server = new ServerResult(1, "--latency-bound", null, null, 42, ImmutableArray<ServerPoint>.Empty) { Note = "bound below the single-stream median: 1 ms < 1.75 ms" };

        Assert.Equal("--latency-bound 1ms is below the single-stream median of b0@224 cpu b1 (1.75 ms), so no request rate can meet it: give a bound above the median, "
            + "or omit --latency-bound for 3 x the single-stream p99", ScenarioSummary.BoundBelowMedian([SampleResults.Measured(), WithScenarios(server)]));
    }
}
