using System.Globalization;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Generated zoo models on disk, keyed by (variant, resolution, batch, seed, tool version), so a second run
/// does not regenerate them.</summary>
public sealed class ModelCache(string directory)
{
    public const string EnvironmentVariable = "EFFNET_BENCH_CACHE";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The platform's cache folder: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
    /// %LOCALAPPDATA% on Windows; <see cref="EnvironmentVariable"/> or an explicit folder overrides it.</summary>
    public static ModelCache ForPlatform(string? overrideDirectory = null) =>
        ForPlatform(overrideDirectory, Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable (the seam tests use instead of the process's).</param>
    internal static ModelCache ForPlatform(string? overrideDirectory, Func<string, string?> environment)
    {
        string? chosen = overrideDirectory ?? environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return new ModelCache(chosen);
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string root = OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches")
            : environment("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(home, ".cache");
        return new ModelCache(Path.Combine(root, "effnet-bench", "models"));
    }

    public string PathFor(EfficientNetArchitecture arch, int? batch, ulong seed) =>
        Path.Combine(Directory, ToolVersion.Current, string.Create(CultureInfo.InvariantCulture,
            $"{arch.Name}-r{arch.Resolution}-b{(batch is int b ? b.ToString(CultureInfo.InvariantCulture) : "dynamic")}-s{seed}.onnx"));

    /// <summary>The cached model's path, generating it first when absent. Returns whether it was generated.</summary>
    public (string Path, bool Generated) GetOrCreate(EfficientNetArchitecture arch, int? batch, ulong seed)
    {
        string path = PathFor(arch, batch, seed);
        if (File.Exists(path))
        {
            return (path, false);
        }

        // Save writes through a temporary file, so a killed run never leaves a half model in the cache.
        EfficientNetOnnx.Save(EfficientNetOnnx.Build(arch, new ExportOptions(batch, arch.Resolution, seed)), path);
        return (path, true);
    }
}
