using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking.Serving;

public sealed class ScenarioPlanTests
{
    private static readonly RunSettings Plain = SampleResults.Header().Settings;

    [Fact]
    public void Single_stream_alone_plans_no_scenarios()
    {
        Assert.Null(ScenarioPlan.Of(Plain));
        Assert.Null(ScenarioPlan.Of(Plain with { Scenarios = ["single-stream"] }));
        Assert.Equal(TimeSpan.Zero, ProcessCaseMeasurer.ScenarioAllowance(Plain));
    }

    [Fact]
    public void The_plan_takes_the_settings_and_defaults_to_one_up_to_the_logical_cores()
    {
        ScenarioPlan plan = ScenarioPlan.Of(Plain with { Scenarios = ["single-stream", "offline", "server"], LatencyBoundMs = 40 })!;

        Assert.Equal((true, true, 40.0, 42), (plan.Offline, plan.Server, plan.LatencyBoundMs, plan.Seed));
        Assert.Equal(Enumerable.Range(1, Environment.ProcessorCount), plan.Concurrency);
        Assert.Equal(Environment.ProcessorCount, plan.Executors);
        Assert.Equal([1, 2, 3, 4], ScenarioPlan.DefaultConcurrency(4).ToArray());

        ScenarioPlan server = ScenarioPlan.Of(Plain with { Scenarios = ["single-stream", "server"], Concurrency = [3] })!;
        Assert.Equal((false, true, 1), (server.Offline, server.Server, server.Executors));
    }

    [Fact]
    public void Scenarios_run_in_the_last_launch_of_a_model_only_case()
    {
        RunSettings settings = Plain with { Scenarios = ["single-stream", "offline"] };
        var planned = new PlannedCase("b0/cpu/b1/tdefault", SampleResults.B0, null, Core.Providers.ExecutionProvider.Cpu, 1, null, null) { LaunchCount = 2 };

        Assert.Null(CaseRunner.ScenariosFor(planned with { Launch = 1 }, settings));
        Assert.NotNull(CaseRunner.ScenariosFor(planned with { Launch = 2 }, settings));
        Assert.Null(CaseRunner.ScenariosFor(planned with { Launch = 2, EndToEndOf = "b0/cpu/b1/tdefault" }, settings));
    }

    [Fact]
    public void The_default_preset_leaves_room_for_b0_and_b1_within_two_minutes_and_quick_is_quicker()
    {
        // Worst case of the scenarios' caps per case with 2 concurrency levels (this machine's 2 cores):
        // default 2 x (0.3 + 3) + 4 x 2 x 4 = 38.6 s, but the server's drain allowance (the factor 2) is rarely used:
        // about 22.6 s of caps per case, 45 s for b0 and b1 next to the ~30 s of their single-stream launches.
        Assert.Equal(38.6, ServingBudget.Default.MaxSeconds(2), 9);
        Assert.True(ServingBudget.Quick.MaxSeconds(2) < ServingBudget.Default.MaxSeconds(2) / 2);
        Assert.True(ServingBudget.Thorough.MaxSeconds(2) > ServingBudget.Default.MaxSeconds(2));
        Assert.Same(ServingBudget.Quick, BenchmarkPreset.Quick.Serving);
        Assert.Same(ServingBudget.Default, BenchmarkPreset.Default.PerLaunch(2).Serving); // once per case: not split
        Assert.Equal(TimeSpan.FromSeconds(2 * 38.6),
            ProcessCaseMeasurer.ScenarioAllowance(Plain with { Preset = "default", Scenarios = ["single-stream", "offline", "server"], Concurrency = [1, 2] }));
    }

    [Fact]
    public void The_rules_state_the_interval_the_caps_and_the_search()
    {
        Assert.Equal("per (concurrency, batch) point: 0.3 s of unmeasured requests, then 0.4 s windows until the 95 % t-interval of the window throughputs "
            + "is within 2% of their mean after at least 4 windows, or 3 s of windows (time cap)", ServingBudget.Default.OfflineRule);
        Assert.Equal("Poisson arrivals; each point at least 300 requests and 1 s of arrivals, at most 4 s of arrivals; the search starts at 0.5 x the "
            + "capacity estimate, steps x1.5 up or x0.5 down until the bound is bracketed, then bisects; at most 4 rates, stopping early once the bracket is within 5%",
            ServingBudget.Default.ServerRule);
    }
}
