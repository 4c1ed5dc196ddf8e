using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>Checks shared by the `run` tests.</summary>
internal static class RunAssert
{
    /// <summary>A measured case whose figures are consistent with its own samples.</summary>
    public static void ValidOk(CaseResult c)
    {
        Assert.True(c.Status == CaseStatus.Ok, $"{c.Id}: {c.Status}: {c.Reason}");
        Assert.Null(c.Reason);

        ImmutableArray<double> samples = Assert.NotNull(c.SamplesMs);
        Assert.True(samples.Length >= 3, $"{c.Id}: {samples.Length} samples");
        Assert.All(samples, s => Assert.True(s > 0 && double.IsFinite(s), $"{c.Id}: sample {s} ms"));
        if (c.EndToEnd is null)
        {
            // CPU per image (all threads) cannot exceed every core busy for an image's wall time; twice the slowest
            // sample leaves room for a slower moment during the CPU loop, not for counting work that inferred nothing.
            double cpu = Assert.IsType<double>(c.CpuMsPerImage);
            Assert.True(cpu > 0 && cpu <= Environment.ProcessorCount * samples.Max() * 2 / c.Batch,
                $"{c.Id}: {cpu} CPU ms per image against a slowest sample of {samples.Max()} ms on {Environment.ProcessorCount} cores");
        }

        LatencySummary l = Assert.IsType<LatencySummary>(c.LatencyMs);
        double[] sorted = [.. samples.Order()];
        Assert.Equal(sorted[0], l.Min);
        Assert.Equal(sorted[^1], l.Max);
        Assert.Equal(samples.Average(), l.Mean, Tolerance(l.Mean));
        Assert.Equal(Type7(sorted, 0.5), l.Median, Tolerance(l.Median));
        Assert.Equal(Type7(sorted, 0.99), l.P99, Tolerance(l.P99));
        Assert.InRange(l.Median, l.Min, l.Max);
        Assert.True(l.Min <= l.Median && l.Median <= l.P90 && l.P90 <= l.P95 && l.P95 <= l.P99 && l.P99 <= l.Max,
            $"{c.Id}: quantiles out of order: {l}");
        Assert.True(l.StdDev >= 0, $"{c.Id}: stddev {l.StdDev}");
        double halfWidth = Assert.NotNull(l.Ci99HalfWidth);
        Assert.True(halfWidth >= 0 && double.IsFinite(halfWidth), $"{c.Id}: CI half-width {halfWidth}");

        // Images per second from the mean latency of one batch.
        double throughput = Assert.NotNull(c.ThroughputIps);
        double expected = c.Batch * 1000.0 / l.Mean;
        Assert.True(Math.Abs(throughput - expected) <= 1e-6 * expected, $"{c.Id}: throughput {throughput}, batch x 1000 / mean = {expected}");

        StoppingInfo stopping = Assert.IsType<StoppingInfo>(c.Stopping);
        Assert.Equal(halfWidth <= stopping.TargetRelativeCi99 * l.Mean, stopping.PrecisionTargetMet);
        Assert.Equal(stopping.PrecisionTargetMet, c.PrecisionTargetMet);
        Assert.True(Assert.NotNull(c.WarmupCount) >= 1, $"{c.Id}: warm-up {c.WarmupCount}");

        ColdStart cold = Assert.IsType<ColdStart>(c.ColdStartMs);
        Assert.True(cold.SessionCreate > 0, $"{c.Id}: session create {cold.SessionCreate} ms");
        Assert.True(cold.FirstInference > 0, $"{c.Id}: first inference {cold.FirstInference} ms");

        MemoryUsage memory = Assert.IsType<MemoryUsage>(c.Memory);

        // The measured call is one native Run on bound inputs and outputs: it must not allocate managed memory.
        Assert.Equal(0, memory.ManagedBytesPerInference);
        Assert.Null(memory.GpuPeakBytes);
    }

    /// <summary>One line on stderr starting "effnet-bench: " and nothing on stdout.</summary>
    public static void OneLineError(string output, string error)
    {
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("effnet-bench: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("\n", error);
    }

    /// <summary>The run folder was never created, or nothing was written into it.</summary>
    public static void NothingWritten(string runFolder) =>
        Assert.True(!Directory.Exists(runFolder) || !Directory.EnumerateFileSystemEntries(runFolder).Any(),
            $"'{runFolder}' holds {string.Join(", ", Directory.Exists(runFolder) ? Directory.EnumerateFileSystemEntries(runFolder) : [])}");

    /// <summary>Hyndman-Fan type 7: linear interpolation at h = (n - 1) p.</summary>
    private static double Type7(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static double Tolerance(double value) => 1e-9 * Math.Max(Math.Abs(value), 1e-12);

    /// <summary>stdout names results.json, then the leaderboard files `run` wrote into the run folder through the report code.</summary>
    public static void ResultsAndLeaderboardReported(string runFolder, string output)
    {
        string results = Path.Combine(runFolder, ResultsStore.ResultsFileName);
        Assert.Contains($"results: {results}\n", output);
        foreach (string file in new[] { "leaderboard.md", "leaderboard.csv", "leaderboard.json" })
        {
            string path = Path.Combine(runFolder, file);
            Assert.True(File.Exists(path), $"{file} missing from the run folder");
            Assert.Contains($"report: {path}\n", output);
        }

        Assert.True(output.IndexOf($"results: {results}", StringComparison.Ordinal) < output.IndexOf("report: ", StringComparison.Ordinal));
    }
}
