using EffNetBench.Core.Benchmarking.Peaks;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking.Peaks;

/// <summary>The peak cache: keyed by machine, runtime, provider and threads; reused; measured again on request.</summary>
public sealed class PeakCacheTests : IDisposable
{
    private static readonly PeakKey Key = new("AMD EPYC 7763 64-Core Processor", 2, "1.31.1", "cpu", null);

    private readonly TempFolder _temp = new();
    private int _measured;

    public void Dispose() => _temp.Dispose();

    private MachinePeaks Measure(PeakKey key) => new(key.Provider, key.OnnxRuntime, key.Cpu, key.Threads, 40 + ++_measured, 8, 9, "fake", new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Peaks_are_measured_once_then_reused_until_remeasure_is_asked()
    {
        var cache = new PeakCache(_temp.Path);

        (MachinePeaks first, bool measured1) = cache.GetOrMeasure(Key, () => Measure(Key), remeasure: false);
        (MachinePeaks second, bool measured2) = new PeakCache(_temp.Path).GetOrMeasure(Key, () => Measure(Key), remeasure: false);
        (MachinePeaks third, bool measured3) = cache.GetOrMeasure(Key, () => Measure(Key), remeasure: true);
        (MachinePeaks fourth, _) = cache.GetOrMeasure(Key, () => Measure(Key), remeasure: false);

        Assert.Equal((true, false, true), (measured1, measured2, measured3));
        Assert.Equal(2, _measured);
        Assert.Equal(first, second);
        Assert.Equal(42, third.ComputeGflops);
        Assert.Equal(third, fourth);
    }

    [Fact]
    public void Each_machine_runtime_provider_and_thread_setting_has_its_own_entry()
    {
        var cache = new PeakCache(_temp.Path);
        PeakKey[] keys = [Key, Key with { Threads = 1 }, Key with { Provider = "cuda" }, Key with { OnnxRuntime = "1.30.0" }, Key with { LogicalCores = 4 }, Key with { Cpu = "Apple M2" }];

        foreach (PeakKey key in keys)
        {
            cache.GetOrMeasure(key, () => Measure(key), remeasure: false);
        }

        Assert.Equal(keys.Length, _measured);
        Assert.Equal(keys.Length, Directory.GetFiles(_temp.Path, "*.json").Length);
        Assert.EndsWith("AMD_EPYC_7763_64-Core_Processor-2cores-ort1.31.1-cpu-tdefault.json", cache.PathFor(Key));
    }

    [Fact]
    public void An_unreadable_or_foreign_entry_is_measured_again()
    {
        var cache = new PeakCache(_temp.Path);
        Directory.CreateDirectory(_temp.Path);
        File.WriteAllText(cache.PathFor(Key), "{ not json");

        Assert.True(cache.GetOrMeasure(Key, () => Measure(Key), remeasure: false).Measured);

        // A file under the key's name whose content is another runtime's: not trusted.
        cache.Save(Key, Measure(Key with { OnnxRuntime = "1.20.0" }));
        Assert.Null(cache.TryLoad(Key));
    }

    [Fact]
    public void The_peak_cache_lives_in_the_tool_cache_folder_given()
    {
        Assert.Equal(Path.Combine(_temp.Path, PeakCache.FolderName), PeakCache.ForPlatform(_temp.Path).Directory);
    }
}
