using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

/// <summary>
/// Serving scenario results built in code, shaped like `run --scenario offline,server` writes them for b0 on a small
/// CPU (about 100 images/s at one request at a time): no benchmark runs. Figures are round so tests can state them.
/// </summary>
internal static class ScenarioSamples
{
    /// <summary>Two-sided 95 % t quantile for 9 degrees of freedom (ten windows): 2.262 (any t table).</summary>
    private const double T95Df9 = 2.262;

    public const double WindowSeconds = 0.5;

    /// <summary>Seeded normal window throughputs around <paramref name="mean"/> (Box-Muller).</summary>
    public static double[] Windows(int seed, int count, double mean, double relativeSd)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            values[i] = mean * (1 + relativeSd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }

    /// <summary>A point whose throughput, interval and image count all follow from its windows.</summary>
    public static OfflinePoint Point(int concurrency, int batch, double meanIps, int seed, double relativeSd = 0.02, int windows = 10, double cpuMsPerImage = 9)
    {
        double[] w = Windows(seed, windows, meanIps, relativeSd);
        double mean = w.Average();
        double sd = Math.Sqrt(w.Sum(x => (x - mean) * (x - mean)) / (w.Length - 1));
        double half = T95Df9 * sd / Math.Sqrt(w.Length);
        long images = (long)Math.Round(w.Sum() * WindowSeconds);
        double seconds = w.Length * WindowSeconds;
        return new OfflinePoint(concurrency, batch, images / seconds, mean - half, mean + half, images, seconds, [.. w], cpuMsPerImage);
    }

    /// <summary>(c1, b1) 100, (c2, b1) 150, (c1, b8) 160, (c2, b8) 172 images/s, times <paramref name="scale"/>; the best is (c2, b8).</summary>
    public static OfflineResult Offline(double scale = 1, int seed = 1, double relativeSd = 0.02, int windows = 10)
    {
        ImmutableArray<OfflinePoint> points =
        [
            Point(1, 1, 100 * scale, seed, relativeSd, windows, cpuMsPerImage: 10),
            Point(2, 1, 150 * scale, seed + 1, relativeSd, windows, cpuMsPerImage: 13),
            Point(1, 8, 160 * scale, seed + 2, relativeSd, windows, cpuMsPerImage: 11.5),
            Point(2, 8, 172 * scale, seed + 3, relativeSd, windows, cpuMsPerImage: 11.25),
        ];
        return new OfflineResult(points, points.MaxBy(p => p.ImagesPerSecond)!,
            "each point until the 95 % CI of its window throughput is within 5 % of the mean, at most 10 s", null);
    }

    /// <summary>Offered 20..120 requests/s in steps of 20 (times <paramref name="scale"/>), p99 12, 13, 15, 19, 27 and
    /// 95 ms against a 30 ms bound: the maximum rate within it is 100 /s (times scale), the bracket's high end 120.</summary>
    public static ServerResult Server(double scale = 1, double boundMs = 30, string boundSource = "--latency-bound")
    {
        double[] rates = [20, 40, 60, 80, 100, 120];
        double[] p50 = [10.1, 10.3, 10.8, 11.6, 13.5, 40];
        double[] p90 = [11, 11.5, 12.5, 14, 19, 70];
        double[] p99 = [12, 13, 15, 19, 27, 95];
        ImmutableArray<ServerPoint> points = [.. rates.Select((r, i) => new ServerPoint(
            r * scale, i == rates.Length - 1 ? 112 * scale : r * scale * 0.998, (int)(r * scale * 5), i == rates.Length - 1 ? 3 : 0,
            p50[i], p90[i], p99[i], 9.5, p99[i] <= boundMs))];
        ServerPoint[] within = [.. points.Where(p => p.WithinBound)];
        ServerPoint[] over = [.. points.Where(p => !p.WithinBound)];
        return new ServerResult(boundMs, boundSource,
            within.Length == 0 ? null : within.Max(p => p.OfferedRate),
            over.Length == 0 ? null : over.Min(p => p.OfferedRate), 7, points);
    }

    public static CaseResult WithScenarios(CaseResult c, OfflineResult? offline, ServerResult? server, double? cpuMsPerImage = 4.5, bool? spin = false) =>
        c with { Scenarios = new ScenarioResults(offline, server), CpuMsPerImage = cpuMsPerImage, Spin = spin };
}
