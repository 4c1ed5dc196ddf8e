using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Rows grouped by provider, hardware, batch and threads, each group in <see cref="RankBy"/> order.</summary>
/// <param name="Hardware">Per model, each (hardware, provider) against the baseline; empty when the inputs span one of each.</param>
/// <param name="Notes">Cases left out (skipped, failed, measured twice) and caveats of the accuracy sources.</param>
public sealed record Leaderboard(ImmutableArray<LeaderboardRow> Rows, ImmutableArray<HardwareComparison> Hardware, ImmutableArray<string> Notes)
{
    public RankBy RankBy { get; init; } = RankBy.Latency;

    /// <summary>The (hardware, provider) the speed-ups are relative to, e.g. "cpu on AMD EPYC (2 cores)"; null without comparisons.</summary>
    public string? Baseline { get; init; }

    /// <summary>One line per input run: id, hardware, ONNX Runtime, start time.</summary>
    public ImmutableArray<string> Runs { get; init; } = [];

    /// <summary>Every top1_source the rows use, with what it is ("paper: EfficientNet paper ...").</summary>
    public ImmutableArray<string> AccuracySources { get; init; } = [];

    /// <summary>Every ranked case with a server scenario, in first-seen order: the p99-vs-load plot's curves.</summary>
    public ImmutableArray<ServerCurve> ServerCurves { get; init; } = [];

    /// <summary>Each lower precision against the fp32 case of the same model and table: latency gained, top-1 lost
    /// where measured. Empty when every case is fp32.</summary>
    public ImmutableArray<PrecisionCost> PrecisionCosts { get; init; } = [];
}
