using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using static EffNetBench.Tests.Reporting.Leaderboards.LeaderboardSamples;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class HardwareComparisonTests
{
    private const string Xeon = "Intel(R) Xeon(R) Gold 6230 (8 cores)";
    private const string EpycT4 = "AMD EPYC (2 cores) + NVIDIA T4";

    private static readonly BenchmarkResults OnXeon = Run("xeon-run", Machine("Intel(R) Xeon(R) Gold 6230", 8, "xeon"), Ok(B0, 10), Ok(B1, 30));

    private static readonly BenchmarkResults OnEpyc = Run("vm-run", Machine("AMD EPYC", 2, "vm", "1.20.0", "NVIDIA T4"),
        Ok(B0, 20), Ok(B1, 45), Ok(B0, 2, provider: "cuda"));

    [Fact]
    public void Speed_up_is_relative_to_the_first_runs_hardware_by_default()
    {
        Leaderboard board = LeaderboardBuilder.Build([OnXeon, OnEpyc], AccuracyTable.Load(null), new LeaderboardOptions());

        Assert.Equal($"cpu on {Xeon}", board.Baseline);
        Assert.Equal(
        [
            ("b0", Xeon, "cpu", 1.0, true),
            ("b0", EpycT4, "cpu", 0.5, false),
            ("b0", EpycT4, "cuda", 5.0, false),
            ("b1", Xeon, "cpu", 1.0, true),
            ("b1", EpycT4, "cpu", 30.0 / 45, false),
        ], board.Hardware.Select(h => (h.Model, h.Hardware, h.Provider, h.SpeedUp!.Value, h.Baseline)));

        // The other machine has another ONNX Runtime and, with default threads, another thread count: both are named.
        Assert.Equal("ONNX Runtime 1.20.0 vs 1.31.1; default threads on 2 vs 8 logical cores (this vs baseline)", board.Hardware[1].Note);
        Assert.Null(board.Hardware[0].Note);
        Assert.Contains(board.Notes, n => n.StartsWith("the runs use different ONNX Runtime versions (1.31.1, 1.20.0)", StringComparison.Ordinal));
        Assert.Contains(board.Notes, n => n.StartsWith("thread settings differ", StringComparison.Ordinal));

        string markdown = LeaderboardWriter.Markdown(board);
        Assert.Contains($"Baseline: cpu on {Xeon}.", markdown);
        Assert.Contains($"| b0@224 | 1 | {EpycT4} | cuda | default | 2.00 | 500.0 | 5.00x | ONNX Runtime 1.20.0 vs 1.31.1; default threads on 2 vs 8 logical cores (this vs baseline) |", markdown);
        Assert.Contains($"| b0@224 | 1 | {Xeon} | cpu | default | 10.00 | 100.0 | 1.00x (baseline) |  |", markdown);

        // Each machine and provider keeps its own table and frontier.
        Assert.Equal(3, board.Rows.Select(r => (r.Hardware, r.Provider)).Distinct().Count());
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("epyc")]
    [InlineData(EpycT4)]
    public void Baseline_hardware_is_found_by_label_host_or_part_of_the_label(string baseline)
    {
        Leaderboard board = LeaderboardBuilder.Build([OnXeon, OnEpyc], AccuracyTable.Load(null), new LeaderboardOptions(BaselineHardware: baseline));

        Assert.Equal($"cpu on {EpycT4}", board.Baseline);
        HardwareComparison xeonB0 = board.Hardware.Single(h => h.Model == "b0" && h.Hardware == Xeon);
        Assert.Equal(2.0, xeonB0.SpeedUp);
        Assert.Equal(10.0, board.Hardware.Single(h => h.Provider == "cuda").SpeedUp);
        Assert.Equal("ONNX Runtime 1.31.1 vs 1.20.0; default threads on 8 vs 2 logical cores (this vs baseline)", xeonB0.Note);
    }

    [Fact]
    public void Unknown_baseline_hardware_is_an_option_error_naming_the_choices()
    {
        var e = Assert.Throws<ReportOptionException>(() =>
            LeaderboardBuilder.Build([OnXeon, OnEpyc], AccuracyTable.Load(null), new LeaderboardOptions(BaselineHardware: "graviton")));
        Assert.Equal($"baseline hardware 'graviton' matches no hardware in the inputs: use one of '{Xeon}', '{EpycT4}' (or a host name).", e.Message);
    }

    [Fact]
    public void One_machine_with_one_provider_has_no_comparison()
    {
        Leaderboard board = LeaderboardBuilder.Build([OnXeon], AccuracyTable.Load(null), new LeaderboardOptions());

        Assert.Empty(board.Hardware);
        Assert.Null(board.Baseline);
        Assert.DoesNotContain("Across hardware", LeaderboardWriter.Markdown(board));
    }

    [Fact]
    public void A_case_measured_in_two_runs_on_one_machine_keeps_the_later_run()
    {
        BenchmarkResults earlier = Run("first", Epyc, Started, Ok(B0, 9));
        BenchmarkResults later = Run("second", Epyc, Started.AddHours(1), Ok(B0, 8), Ok(B1, 13));

        Leaderboard board = LeaderboardBuilder.Build([later, earlier, later], AccuracyTable.Load(null), new LeaderboardOptions());

        Assert.Equal(8, board.Rows.Single(r => r.Model == "b0").LatencyMedianMs);
        Assert.Equal(2, board.Rows.Length);
        Assert.Contains("run second was given more than once; it is counted once", board.Notes);
        Assert.Contains("measured in runs second and first: b0@224 cpu batch 1 threads default on AMD EPYC (2 cores); the figures of second, which started later, are shown", board.Notes);
    }

    [Fact]
    public void Hardware_label_names_cpu_logical_cores_and_gpus()
    {
        Assert.Equal("AMD EPYC (2 cores)", HardwareLabel.For(Epyc));
        Assert.Equal("Arm (1 core) + GPU A + GPU B", HardwareLabel.For(Machine("Arm", 1, "pi", "1.31.1", "GPU A", "GPU B")));
    }
}
