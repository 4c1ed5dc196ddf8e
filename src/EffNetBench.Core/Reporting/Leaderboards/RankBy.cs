namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The order of rows within a group; names on the command line are in <see cref="RankByNames"/>.</summary>
public enum RankBy
{
    /// <summary>Highest top-1 first.</summary>
    Top1,

    /// <summary>Lowest median latency first.</summary>
    Latency,

    /// <summary>Most images per second first.</summary>
    Throughput,

    /// <summary>Fewest GFLOPs per top-1 point (GFLOPs / top-1 %, an average) first.</summary>
    GflopsPerPoint,

    /// <summary>Fewest milliseconds per top-1 point (median ms / top-1 %, an average) first.</summary>
    MsPerPoint,

    /// <summary>Most images per second at the best offline (concurrency, batch) point first; rows without an offline
    /// scenario last.</summary>
    OfflineThroughput,

    /// <summary>Highest server rate within the p99 bound first; rows without one last.</summary>
    MaxRate,
}
