using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>The sample limits of the stopping rule and the reason a case records for stopping.</summary>
public sealed class BenchmarkPresetTests
{
    public static TheoryData<string, double> PresetsAndLatencies()
    {
        var data = new TheoryData<string, double>();
        foreach (BenchmarkPreset preset in BenchmarkPreset.All)
        {
            foreach (double ms in new[] { 0.01, 1, 7.66, 100, 555.73, 600, 2000, 60_000 })
            {
                data.Add(preset.Name, ms);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PresetsAndLatencies))]
    public void The_minimum_is_always_the_presets_and_the_cap_lies_above_it_within_the_maximum(string name, double pilotMs)
    {
        Assert.True(BenchmarkPreset.TryFind(name, out BenchmarkPreset preset));

        (int warmup, int min, int max) = preset.LimitsFor(TimeSpan.FromMilliseconds(pilotMs));

        Assert.Equal(preset.MinSamples, min);
        Assert.InRange(max, preset.MinSamples + 1, preset.MaxSamples); // BenchmarkDotNet needs max > min
        Assert.InRange(warmup, 1, preset.WarmupCount);
    }

    [Fact]
    public void B7_under_the_default_preset_keeps_its_30_samples_and_overruns_the_budget()
    {
        // 555.73 ms: 15 s fit 26 inferences; the minimum of 30 wins (about 17 s), one more is allowed for BenchmarkDotNet.
        Assert.Equal((2, 30, 31), BenchmarkPreset.Default.LimitsFor(TimeSpan.FromMilliseconds(555.73)));
    }

    [Fact]
    public void A_fast_model_is_capped_by_the_time_budget_then_by_the_maximum()
    {
        Assert.Equal((10, 30, 1958), BenchmarkPreset.Default.LimitsFor(TimeSpan.FromMilliseconds(7.66)));
        Assert.Equal((10, 30, 5000), BenchmarkPreset.Default.LimitsFor(TimeSpan.FromMilliseconds(0.01)));
    }

    [Theory]
    [InlineData(30, 30, 31, StopReason.Precision)]    // precise at the minimum
    [InlineData(57, 30, 1958, StopReason.Precision)]  // precise between the minimum and the cap
    [InlineData(31, 30, 31, StopReason.TimeCap)]      // the budget's cap (held up to the minimum) was reached
    [InlineData(1958, 30, 1958, StopReason.TimeCap)]
    [InlineData(5000, 30, 5000, StopReason.MaxSamples)]
    [InlineData(24, 30, 31, StopReason.TimeCap)]      // fewer than the preset's minimum is never "precision"
    [InlineData(24, 24, 25, StopReason.TimeCap)]      // nor when the limits given were lowered below the preset's
    public void The_stop_reason_is_precision_only_between_the_minimum_and_the_cap(int samples, int min, int max, StopReason expected) =>
        Assert.Equal(expected, BenchmarkPreset.Default.StoppedBy(samples, min, max));
}
