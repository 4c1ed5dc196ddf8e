using System.Globalization;
using System.Text.Json;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using EffNetBench.Core.Serialization;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Generated zoo models on disk, keyed by (variant, resolution, batch, seed, generator format), so a second run,
/// or a new build of the tool, does not regenerate them. The format (<see cref="EfficientNetOnnx.FormatVersion"/>), not
/// the tool version, keys them: the version changes with every commit, the generator's output seldom.</summary>
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

    /// <summary>The folder of the current generator format's models: zoo-format-N.</summary>
    public string FormatDirectory => Path.Combine(Directory, EfficientNetOnnx.ProducerVersion);

    public string PathFor(EfficientNetArchitecture arch, int? batch, ulong seed) =>
        Path.Combine(FormatDirectory, string.Create(CultureInfo.InvariantCulture,
            $"{arch.Name}-r{arch.Resolution}-b{(batch is int b ? b.ToString(CultureInfo.InvariantCulture) : "dynamic")}-s{seed}.onnx"));

    /// <summary>The zoo models a run with <paramref name="settings"/> will generate because they are not cached yet, in
    /// plan order, each with its estimated file size (4 bytes per graph parameter: the weights are nearly all of it).</summary>
    public IReadOnlyList<PendingModel> Missing(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var missing = new List<PendingModel>();
        foreach (string name in settings.Variants)
        {
            EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find(name).Spec);
            foreach (int batch in settings.Batches.Distinct())
            {
                if (!File.Exists(PathFor(arch, batch, (ulong)settings.Seed)))
                {
                    missing.Add(new PendingModel(arch.Name, batch, ArchitectureCounter.Count(arch).FoldedGraphParams * sizeof(float)));
                }
            }
        }

        return missing;
    }

    /// <summary>The model files in the cache (of every format, and of the tool-version folders of earlier releases), and
    /// their total size.</summary>
    public (int Files, long Bytes) Usage()
    {
        FileInfo[] files = ModelFiles();
        return (files.Count(IsModel), files.Sum(f => f.Length));
    }

    /// <summary>Deletes every model file in the cache (and the format or version folders left empty), nothing else: a cache folder
    /// given by the user may hold other files. Returns what was removed.</summary>
    public (int Files, long Bytes) Clear()
    {
        FileInfo[] files = ModelFiles();
        long bytes = files.Sum(f => f.Length);
        foreach (FileInfo file in files)
        {
            file.Delete();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            foreach (string folder in System.IO.Directory.EnumerateDirectories(Directory))
            {
                if (!System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    System.IO.Directory.Delete(folder);
                }
            }
        }

        return (files.Count(IsModel), bytes);
    }

    // A converted model's report is part of it, not a model of its own.
    private static bool IsModel(FileInfo file) => !file.Name.EndsWith(ConversionReportSuffix, StringComparison.Ordinal);

    /// <summary>Models, the reports of converted ones, and the temporary files of a write that was killed:
    /// &lt;folder&gt;/*.onnx, *.onnx.conversion.json and *.onnx.*.tmp.</summary>
    private FileInfo[] ModelFiles() => System.IO.Directory.Exists(Directory)
        ? [.. new DirectoryInfo(Directory).EnumerateDirectories().SelectMany(d => d.EnumerateFiles("*.onnx*"))
            .Where(f => f.Name.EndsWith(".onnx", StringComparison.Ordinal) || f.Name.EndsWith(".tmp", StringComparison.Ordinal)
                || f.Name.EndsWith(ConversionReportSuffix, StringComparison.Ordinal))]
        : [];

    private const string ConversionReportSuffix = ".conversion.json";

    /// <summary>Where the model converted from a source with <paramref name="sourceSha256"/> with <paramref name="options"/> is cached.</summary>
    public string ConvertedPathFor(string sourceSha256, ConversionOptions options) =>
        Path.Combine(Directory, ConvertedFolder, ConversionKey.FileName(sourceSha256, options));

    /// <summary>Converted models are keyed by their source's hash and the options, not by the tool's version (every
    /// commit has its own): bump the number when the converter's output for the same key changes.</summary>
    private const string ConvertedFolder = "converted-1";

    /// <summary>The converted model of <paramref name="sourcePath"/>, converting it first when the cache does not hold it
    /// (keyed by the source's SHA-256, the precision and the options); its report is cached next to it.</summary>
    public ConvertedModel GetOrConvert(string sourcePath, ConversionOptions options, IModelConverter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        string sha = ConversionKey.Sha256OfFile(sourcePath);
        string path = ConvertedPathFor(sha, options);
        string reportPath = path + ConversionReportSuffix;
        if (File.Exists(path) && File.Exists(reportPath)
            && JsonSerializer.Deserialize<ConversionReport>(File.ReadAllText(reportPath), SnakeCaseJson.Options) is { } cached)
        {
            return new ConvertedModel(path, sha, cached, Converted: false);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = string.Create(CultureInfo.InvariantCulture, $"{path}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Through a temporary file, so a killed conversion never leaves a half model under the final name.
            ConversionReport report = converter.Convert(sourcePath, temporary, options);
            File.Move(temporary, path, overwrite: true);
            AtomicFile.WriteAllText(reportPath, JsonSerializer.Serialize(report, SnakeCaseJson.Options));
            return new ConvertedModel(path, sha, report, Converted: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

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
