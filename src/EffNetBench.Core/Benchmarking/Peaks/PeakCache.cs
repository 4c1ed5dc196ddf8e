using System.Text;
using System.Text.Json;
using EffNetBench.Core.Results;
using EffNetBench.Core.Serialization;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>Measured peaks on disk, one JSON file per (CPU model, logical cores, ONNX Runtime version, provider, threads),
/// in the "peaks" folder of the tool's cache (<see cref="ModelCache"/>, `--cache-dir`, $EFFNET_BENCH_CACHE): the peaks of
/// a machine do not change between runs, so a run measures them once and later runs reuse them.</summary>
public sealed class PeakCache(string directory)
{
    public const string FolderName = "peaks";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The cache inside the model cache's folder.</summary>
    public static PeakCache ForPlatform(string? overrideDirectory = null) =>
        new(Path.Combine(ModelCache.ForPlatform(overrideDirectory).Directory, FolderName));

    public string PathFor(PeakKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.Combine(Directory, Safe(key.FileStem) + ".json");
    }

    /// <summary>The cached peaks of <paramref name="key"/>, or null when none (or the file is unreadable: it is measured again).</summary>
    public MachinePeaks? TryLoad(PeakKey key)
    {
        string path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            MachinePeaks? peaks = JsonSerializer.Deserialize<MachinePeaks>(File.ReadAllBytes(path), SnakeCaseJson.Options);
            return peaks is not null && key.Matches(peaks) && peaks.ComputeGflops > 0 && peaks.BandwidthGBps > 0 ? peaks : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Save(PeakKey key, MachinePeaks peaks)
    {
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFile.WriteAllText(PathFor(key), JsonSerializer.Serialize(peaks, SnakeCaseJson.Options));
    }

    /// <summary>The cached peaks, or measured (and cached) when absent or when <paramref name="remeasure"/> is set.
    /// Returns whether they were measured now.</summary>
    public (MachinePeaks Peaks, bool Measured) GetOrMeasure(PeakKey key, Func<MachinePeaks> measure, bool remeasure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!remeasure && TryLoad(key) is MachinePeaks cached)
        {
            return (cached, false);
        }

        MachinePeaks peaks = measure();
        Save(key, peaks);
        return (peaks, true);
    }

    private static string Safe(string stem)
    {
        var text = new StringBuilder(stem.Length);
        foreach (char c in stem)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return text.ToString();
    }
}
