using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Zoo;

namespace EffNetBench.IntegrationTests.Cli;

/// <summary>`cache`: where the generated models are, how much they take, and emptying it.</summary>
public sealed class CacheCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("effnet-bench-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Cache_shows_its_folder_and_size_and_clear_empties_it()
    {
        string folder = Path.Combine(_dir, "models");
        string model = new ModelCache(folder).GetOrCreate(ArchitectureBuilder.Build(VariantSpec.Custom(0.25, 0.1, 32)), 1, 7).Path;
        long mib = (long)Math.Round(new FileInfo(model).Length / 1048576.0);

        (int code, string output, string error) = CliRunner.Run("cache", "--cache-dir", folder);

        Assert.True(code == 0, error);
        Assert.Contains($"model cache: {folder}", output, StringComparison.Ordinal);
        Assert.Contains($"1 models, {mib} MiB", output, StringComparison.Ordinal);

        (code, output, error) = CliRunner.Run("cache", "--clear", "--cache-dir", folder);

        Assert.True(code == 0, error);
        Assert.StartsWith($"removed 1 models ({mib} MiB) from {folder}", output, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
        Assert.Contains("0 models, 0 MiB", CliRunner.Run("cache", "--cache-dir", folder).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_as_the_cache_folder_is_bad_usage()
    {
        string file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "x");

        (int code, _, string error) = CliRunner.Run("cache", "--clear", "--cache-dir", file);

        Assert.Equal(2, code);
        Assert.StartsWith($"effnet-bench: --cache-dir '{file}' is a file, not a folder", error, StringComparison.Ordinal);
        Assert.True(File.Exists(file));
    }
}
