namespace EffNetBench.Core.Results;

/// <summary>The "noise" object of a case: what else the machine did while the case was measured, from the kernel's
/// counters (Linux: /proc/stat, /proc/loadavg; null fields elsewhere). A case measured while other work took a large
/// share of the CPU is weaker evidence, and verdicts say so.</summary>
/// <param name="WallSeconds">The measured span (warm-up excluded).</param>
/// <param name="OwnCpuSeconds">CPU time the measuring process itself used in the span, all its threads.</param>
/// <param name="OtherCpuSeconds">CPU time all other processes used in the span, summed over the machine's cores
/// (busy time of the machine minus <paramref name="OwnCpuSeconds"/>, never below 0); null where unreadable.</param>
/// <param name="StealSeconds">Time the hypervisor ran other guests on this machine's cores in the span; null where unreadable.</param>
/// <param name="LogicalCores">Cores the counters are summed over.</param>
/// <param name="LoadAverageStart">1-minute load average when the span began; null where unreadable.</param>
/// <param name="LoadAverageEnd">1-minute load average when the span ended; null where unreadable.</param>
public sealed record NoiseInfo(
    double WallSeconds,
    double OwnCpuSeconds,
    double? OtherCpuSeconds,
    double? StealSeconds,
    int LogicalCores,
    double? LoadAverageStart,
    double? LoadAverageEnd)
{
    /// <summary>Share of the machine's CPU capacity (cores x wall time) that other processes and steal took, 0 to 1;
    /// null where the counters were unreadable.</summary>
    public double? BusyShare => OtherCpuSeconds is double other && WallSeconds > 0 && LogicalCores > 0
        ? Math.Clamp((other + (StealSeconds ?? 0)) / (WallSeconds * LogicalCores), 0, 1)
        : null;
}
