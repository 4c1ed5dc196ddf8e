using System.Collections.Immutable;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Leaderboards;

namespace EffNetBench.Tests.Reporting.Profiles;

/// <summary>Profiles built in code, shaped like EfficientNet B0-B3 on a CPU (depthwise and pointwise convolutions,
/// a full stem convolution, the swish's Sigmoid and Mul, GlobalAveragePool, Gemm), with round figures.</summary>
internal static class ProfileFixtures
{
    public const string Cpu = "CPUExecutionProvider";
    public const string Cuda = "CUDAExecutionProvider";

    /// <summary>100 GFLOP/s and 10 GB/s: the ridge at 10 FLOPs per byte.</summary>
    public static MachinePeaks Peaks(string provider = "cpu", int? threads = null) =>
        new(provider, "1.31.1", "AMD EPYC", threads, 100, 10, 12, "fixture peaks", LeaderboardSamples.Started);

    public static ProfiledNode Node(string name, string kind, string? stage, double us, double? flops, long? bytes,
        string provider = Cpu, double? spreadUs = null, bool matched = true) =>
        new(name, kind.StartsWith("conv", StringComparison.Ordinal) ? "Conv" : kind, kind, stage, provider, us, flops, flops / 2,
            bytes / 2, bytes - (bytes / 2), matched, matched ? [name] : [])
        { SpreadUs = spreadUs };

    /// <summary>A summary whose kinds, stages and placement are the sums of <paramref name="nodes"/>, as the contract defines them.</summary>
    public static ProfileSummary Summary(double caseMedianMs, int inferences, params ProfiledNode[] nodes)
    {
        double nodeMs = nodes.Sum(n => n.MedianUs) / 1000;
        double flops = nodes.Where(n => n.Matched).Sum(n => n.Flops ?? 0);
        ImmutableArray<ProfileGroup> Groups(Func<ProfiledNode, string?> key) => [.. nodes
            .Where(n => key(n) is not null)
            .GroupBy(n => key(n)!)
            .Select(g => new ProfileGroup(g.Key, g.Count(), g.Sum(n => n.MedianUs) / 1000, g.Sum(n => n.MedianUs) / 1000 / nodeMs,
                g.Sum(n => n.Flops ?? 0), flops > 0 ? g.Sum(n => n.Flops ?? 0) / flops : 0, g.Sum(n => (double)((n.BytesRead ?? 0) + (n.BytesWritten ?? 0)))))
            .OrderByDescending(g => g.TimeMs)];
        ImmutableArray<ProviderPlacement> placement = [.. nodes.GroupBy(n => n.Provider)
            .Select(g => new ProviderPlacement(g.Key, g.Count(), g.Sum(n => n.MedianUs) / 1000, g.Sum(n => n.MedianUs) / 1000 / nodeMs))];
        return new ProfileSummary(inferences, "profile/case.json", nodeMs, caseMedianMs, [.. nodes], Groups(n => n.Kind), Groups(n => n.Stage),
            placement, CpuFallback: false, Warnings: []);
    }

    /// <summary>A B-like variant whose work grows with <paramref name="scale"/>; depthwise time grows fastest (it is
    /// memory-bound), as on CPUs. At scale 1: 133.6e6 FLOPs, 27.32e6 bytes, 6.6 ms of node time; every kind under the
    /// roof of <see cref="Peaks"/>.</summary>
    public static ProfileSummary Variant(double scale, double depthwiseMs, double caseMedianMs) => Summary(caseMedianMs, 20,
        Node("stem_conv", "conv", "stem", 400 * scale, 21.7e6 * scale, (long)(1_400_000 * scale), spreadUs: 8),
        Node("blocks.1.0.conv_dw", "conv-depthwise", "stage2", depthwiseMs * 1000, 36e6 * scale, (long)(12_000_000 * scale), spreadUs: 20),
        Node("blocks.1.0.conv_pw", "conv-pointwise", "stage2", 1500 * scale, 60e6 * scale, (long)(9_000_000 * scale), spreadUs: 15),
        Node("blocks.1.0.act_sigmoid", "Sigmoid", "stage2", 300 * scale, 8e6 * scale, (long)(2_000_000 * scale), spreadUs: 5),
        Node("blocks.1.0.act_mul", "Mul", "stage2", 250 * scale, 4e6 * scale, (long)(2_000_000 * scale), spreadUs: 5),
        Node("head.pool", "GlobalAveragePool", "head", 50, 1.3e6, 400_000, spreadUs: 2),
        Node("head.fc", "Gemm", "head", 100, 2.6e6, 520_000, spreadUs: 3));

    public static CaseResult Profiled(ModelInfo model, double medianMs, ProfileSummary profile, string provider = "cpu", int? threads = null) =>
        LeaderboardSamples.Ok(model, medianMs, provider: provider, threads: threads) with { Profile = profile };

    public static ModelInfo B3 { get; } = LeaderboardSamples.ZooModel("b3", 300, 12_233_232, 1_827_000_000, 3_700_000_000);

    /// <summary>B0-B3, paper top-1 77.1, 79.1, 80.1, 81.6. Median latencies 10, 14, 17, 30 ms: 2, 3 and 8.67 ms per
    /// top-1 point, so scaling stops paying at b2 -> b3 (8.67 > 2 x 3).</summary>
    public static BenchmarkResults Series(string id = "20260105T100000Z-vm", bool peaks = true, string ort = "1.31.1")
    {
        BenchmarkResults run = LeaderboardSamples.Run(id, LeaderboardSamples.Machine("AMD EPYC", 2, "vm", ort),
            Profiled(LeaderboardSamples.B0, 10, Variant(1.0, 4, 10)),
            Profiled(LeaderboardSamples.B1, 14, Variant(1.4, 6, 14)),
            Profiled(LeaderboardSamples.B2, 17, Variant(1.7, 7, 17)),
            Profiled(B3, 30, Variant(2.6, 14, 30)));
        return peaks ? run with { Peaks = [Peaks()] } : run;
    }

    public static string Save(BenchmarkResults run, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ResultsStore.ResultsFileName), ResultsJson.ToText(run));
        return folder;
    }
}
