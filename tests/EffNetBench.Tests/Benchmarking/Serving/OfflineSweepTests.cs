using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Serving;

[Collection(ServingTimingCollection.Name)]
public sealed class OfflineSweepTests
{
    internal static readonly ServingBudget Small = new(TimeSpan.FromSeconds(0.05), TimeSpan.FromSeconds(0.1), 3, 0.02, TimeSpan.FromSeconds(0.6),
        150, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(1.5), 3, 0.10);

    [Fact]
    public void The_interval_is_students_t_over_the_windows()
    {
        // mean 14, s = sqrt(10), t(0.975, 4) = 2.776445 (tables): half-width 2.776445 * sqrt(10) / sqrt(5) = 3.926486.
        (double low, double high) = OfflineSweep.Interval([10, 12, 14, 16, 18]);
        Assert.Equal(14 - 3.926486, low, 5);
        Assert.Equal(14 + 3.926486, high, 5);
        Assert.Equal((7.0, 7.0), OfflineSweep.Interval([7]));
    }

    [Fact]
    public void Concurrent_workers_multiply_the_throughput_of_a_model_that_needs_no_core()
    {
        var target = new SleepingTarget(TimeSpan.FromMilliseconds(5), imagesPerRequest: 4);
        IRequestExecutor[] executors = [target.CreateExecutor(), target.CreateExecutor()];

        OfflineResult result = OfflineSweep.Run(executors, 4, [1, 2], Small, ServingClock.System, "note");

        // 4 images per 5 ms request: 800 images/s per worker at most (a sleep only overshoots; a busy machine wakes
        // sleepers late, hence the loose lower ends).
        OfflinePoint one = result.Points[0], two = result.Points[1];
        Assert.Equal((1, 4), (one.Concurrency, one.Batch));
        Assert.InRange(one.ImagesPerSecond, 200, 800);
        Assert.InRange(two.ImagesPerSecond, 1.3 * one.ImagesPerSecond, 1600);
        Assert.Same(two, result.Best);
        Assert.Equal("note", result.Note);
        foreach (OfflinePoint p in result.Points)
        {
            Assert.True(p.WindowImagesPerSecond.Length >= Small.OfflineMinWindows);
            Assert.True(p.Seconds <= Small.OfflinePointCap.TotalSeconds + 2 * Small.OfflineWindow.TotalSeconds, $"{p.Seconds} s");
            Assert.Equal(p.Images / p.Seconds, p.ImagesPerSecond, 6);
            Assert.Equal(0, p.Images % 4);
            Assert.InRange(p.ImagesPerSecond, p.CiLow * 0.9, p.CiHigh * 1.1);
            Assert.True(p.CpuMsPerImage >= 0);
        }

        Assert.Contains("95 % t-interval", result.StoppingRule);
    }
}
