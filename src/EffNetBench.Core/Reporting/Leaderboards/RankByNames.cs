using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The names of <see cref="RankBy"/> values as `report --rank-by` takes them.</summary>
public static class RankByNames
{
    public static readonly ImmutableArray<string> All = ["top1", "latency", "throughput", "gflops-per-point", "ms-per-point", "offline-throughput", "max-rate"];

    public static string Name(RankBy rankBy) => rankBy switch
    {
        RankBy.Top1 => "top1",
        RankBy.Latency => "latency",
        RankBy.Throughput => "throughput",
        RankBy.GflopsPerPoint => "gflops-per-point",
        RankBy.OfflineThroughput => "offline-throughput",
        RankBy.MaxRate => "max-rate",
        _ => "ms-per-point",
    };

    public static bool TryParse(string? name, out RankBy rankBy)
    {
        string n = (name ?? string.Empty).Trim().ToLowerInvariant().Replace('_', '-');
        int index = All.IndexOf(n);
        rankBy = index >= 0 ? (RankBy)index : RankBy.MsPerPoint;
        return index >= 0;
    }

    /// <summary>What the order means, for a report's legend.</summary>
    public static string Describe(RankBy rankBy) => rankBy switch
    {
        RankBy.Top1 => "top-1 (highest first)",
        RankBy.Latency => "median latency (fastest first)",
        RankBy.Throughput => "throughput (most images/s first)",
        RankBy.GflopsPerPoint => "GFLOPs per top-1 point, an average that ranks almost as GFLOPs do (cheapest first)",
        RankBy.OfflineThroughput => "offline throughput at the best concurrency and batch (most images/s first)",
        RankBy.MaxRate => "server rate within the p99 bound (highest first)",
        _ => "ms per top-1 point, an average that ranks almost as latency does (cheapest first)",
    };
}
