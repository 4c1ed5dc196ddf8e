using System.Collections.Immutable;
using System.Text.Json;
using EffNetBench.Commands;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;

namespace EffNetBench.IntegrationTests.Cli;

/// <summary>`compare`'s exit codes on results written in code: 0 nothing slower or inconclusive, 1 slower, 2 usage,
/// 3 inconclusive and nothing slower (0 with --allow-inconclusive).</summary>
public sealed class CompareExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("effnet-bench-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1.20, 0.02, new string[0], 1, "**slower**")]
    [InlineData(0.80, 0.02, new string[0], 0, "| faster |")]
    [InlineData(1.00, 0.02, new string[0], 0, "| same |")]
    [InlineData(1.00, 0.40, new string[0], 3, "inconclusive: machine busy")]
    [InlineData(1.07, 0.02, new string[0], 3, "inconclusive: one launch per side")]
    [InlineData(1.07, 0.02, new[] { "--allow-inconclusive" }, 0, "inconclusive: one launch per side")]
    [InlineData(1.00, 0.40, new[] { "--max-busy", "50%" }, 0, "| same |")]
    [InlineData(1.07, 0.02, new[] { "--drift", "0%" }, 1, "**slower**")]
    public void Verdicts_set_the_exit_code(double factor, double busy, string[] extra, int expected, string shown)
    {
        string baseline = Write("a", Samples(1, 10), 0.02);
        string current = Write("b", [.. Samples(2, 10).Select(s => s * factor)], busy);

        (int code, string output, string error) = CliRunner.Run(["compare", baseline, current, .. extra]);

        Assert.True(expected == code, $"exit {code}: {error}\n{output}");
        Assert.Contains(shown, output);
    }

    [Theory]
    [InlineData(0.70, 1, "| offline images/s | c2, b8 |")]
    [InlineData(1.30, 0, "| faster |")]
    [InlineData(1.00, 0, "| same |")]
    [InlineData(null, 0, "not compared: the current run has no offline scenario for this case (run --scenario offline)")]
    public void Offline_throughput_verdicts_set_the_exit_code_too(double? factor, int expected, string shown)
    {
        // The latency is the same on both sides; only the offline throughput (ten windows, 1 % spread) may move.
        double[] windows = [.. Samples(3, 170).Take(10)];
        string baseline = Write("a", Samples(1, 10), 0.02, Offline(windows));
        string current = Write("b", Samples(1, 10), 0.02, factor is double f ? Offline([.. Samples(4, 170 * f).Take(10)]) : null);

        (int code, string output, string error) = CliRunner.Run("compare", baseline, current);

        Assert.True(expected == code, $"exit {code}: {error}\n{output}");
        Assert.Contains("### Serving scenarios", output);
        Assert.Contains(shown, output);
    }

    [Theory]
    [InlineData("--threshold", "0%", "--threshold '0%' is not valid: use a number > 0 followed by %, e.g. 5%")]
    [InlineData("--noise", "0ms", "--noise '0ms' is not valid: use a number > 0 with ms, us, ns or s, e.g. 0.05ms")]
    [InlineData("--noise", "0", "--noise '0' is not valid: use a number > 0 with ms, us, ns or s, e.g. 0.05ms")]
    [InlineData("--max-busy", "0", "--max-busy must be above 0")]
    public void A_zero_threshold_noise_floor_or_busy_limit_is_a_usage_error(string option, string value, string message)
    {
        string run = Write("a", Samples(1, 10), 0.02);

        (int code, _, string error) = CliRunner.Run("compare", run, run, option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void The_shared_exit_code_helper_ranks_slower_over_inconclusive()
    {
        Assert.Equal(1, ExitCodes.ForVerdicts([Verdict.Inconclusive, Verdict.Slower, Verdict.Faster], allowInconclusive: true));
        Assert.Equal(3, ExitCodes.ForVerdicts([Verdict.Same, Verdict.Inconclusive], allowInconclusive: false));
        Assert.Equal(0, ExitCodes.ForVerdicts([Verdict.Same, Verdict.Inconclusive], allowInconclusive: true));
        Assert.Equal(0, ExitCodes.ForVerdicts([Verdict.Same, Verdict.Faster], allowInconclusive: false));
    }

    private static double[] Samples(int seed, double median)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 200).Select(_ => median * (1 + 0.01 * (random.NextDouble() + random.NextDouble() - 1)))];
    }

    private static OfflineResult Offline(double[] windows)
    {
        double mean = windows.Average();
        var best = new OfflinePoint(2, 8, mean, mean * 0.99, mean * 1.01, (long)(mean * 5), 5, [.. windows], 11);
        return new OfflineResult([best], best, "95 % CI within 5 %, at most 10 s", null);
    }

    private string Write(string id, double[] samples, double busyShare, OfflineResult? offline = null)
    {
        var model = new ModelInfo("b0", ModelSource.Zoo, null, 224, 5_288_548, 385_814_752, 795_588_220);
        var result = new CaseResult(CaseId.For("b0", 224, "cpu", 1, null), CaseStatus.Ok, null, model, "cpu", 1, null,
            LatencySummary.From(LatencyStatistics.From(samples)), [.. samples], 3, new StoppingInfo(10, 0.02, 15, true, StopReason.Precision),
            null, null, null, null)
        {
            Noise = new NoiseInfo(10, 20 * (1 - busyShare), 20 * busyShare, 0, 2, 0.1, 0.1),
            Scenarios = offline is null ? null : new ScenarioResults(offline, null),
        };
        var started = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero).AddHours(id == "a" ? 0 : 1);
        var results = new BenchmarkResults(BenchmarkResults.CurrentSchema, new ToolInfo("effnet-bench", "0.1.0"),
            new RunInfo(id, started, started.AddMinutes(5), "quick", null),
            new EnvironmentInfo("Linux", null, "Test CPU", 2, 8L << 30, "10.0.0", "1.31.1", null, ["CPUExecutionProvider"], [], "host"),
            new RunSettings(["b0"], [], ["cpu"], [1], [null], "quick", 42, id, null), ImmutableArray.Create(result));
        string path = Path.Combine(_dir, id + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(results, ResultsJson.Indented));
        return path;
    }
}
