using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking;

public sealed class ModelCacheTests
{
    private static readonly Dictionary<string, string?> NoVariables = [];

    [Fact]
    public void An_explicit_folder_wins_over_the_variable_which_wins_over_the_platform_folder()
    {
        var variables = new Dictionary<string, string?> { [ModelCache.EnvironmentVariable] = "/from/variable", ["XDG_CACHE_HOME"] = "/xdg" };

        Assert.Equal(Path.GetFullPath("/given"), ModelCache.ForPlatform("/given", v => variables.GetValueOrDefault(v)).Directory);
        Assert.Equal(Path.GetFullPath("/from/variable"), ModelCache.ForPlatform(null, v => variables.GetValueOrDefault(v)).Directory);
    }

    [SkippableFact]
    public void On_linux_the_platform_folder_is_under_xdg_cache_home_or_dot_cache()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the XDG layout is Linux's");
        var variables = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = "/xdg" };
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal("/xdg/effnet-bench/models", ModelCache.ForPlatform(null, v => variables.GetValueOrDefault(v)).Directory);
        Assert.Equal(Path.Combine(home, ".cache", "effnet-bench", "models"), ModelCache.ForPlatform(null, v => NoVariables.GetValueOrDefault(v)).Directory);
    }

    [Fact]
    public void A_model_is_generated_once_under_the_generator_format_and_then_reused()
    {
        using var temp = new TempFolder();
        var cache = new ModelCache(temp.File("cache"));
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(VariantSpec.Custom(0.25, 0.1, 32));

        (string path, bool generated) = cache.GetOrCreate(arch, 1, 7);
        (string again, bool regenerated) = cache.GetOrCreate(arch, 1, 7);

        Assert.True(generated);
        Assert.False(regenerated);
        Assert.Equal(path, again);
        Assert.Equal(Path.Combine(cache.Directory, "zoo-format-" + EfficientNetOnnx.FormatVersion), Path.GetDirectoryName(path));
        Assert.EndsWith("-r32-b1-s7.onnx", path);
        Assert.NotEqual(path, cache.PathFor(arch, null, 7));
        Assert.NotEqual(path, cache.PathFor(arch, 1, 8));
    }

    [Fact]
    public void Missing_lists_each_uncached_variant_and_batch_with_its_weight_bytes_and_skips_cached_ones()
    {
        using var temp = new TempFolder();
        var cache = new ModelCache(temp.File("cache"));
        var settings = new RunSettings(["b0", "b1"], [], ["cpu"], [1, 8], [null], "quick", 7, "out", null);
        cache.GetOrCreate(ArchitectureBuilder.Build(ZooCatalog.Find("b0").Spec), 8, 7);

        IReadOnlyList<PendingModel> missing = cache.Missing(settings);

        Assert.Equal(["b0@1", "b1@1", "b1@8"], missing.Select(m => $"{m.Name}@{m.Batch}"));
        // b0's BN-folded graph holds 5,267,540 parameters (torchvision's 5,288,548 less one per BN channel), 4 bytes each.
        Assert.Equal(5_267_540L * 4, missing[0].EstimatedBytes);
        Assert.Empty(cache.Missing(settings with { Variants = ["b0"], Batches = [8] }));
        Assert.Single(cache.Missing(settings with { Variants = ["b0"], Batches = [8], Seed = 8 }));
    }

    [Fact]
    public void Clear_removes_the_models_and_unfinished_writes_of_every_tool_version_and_nothing_else()
    {
        using var temp = new TempFolder();
        var cache = new ModelCache(temp.File("cache"));
        string model = cache.GetOrCreate(ArchitectureBuilder.Build(VariantSpec.Custom(0.25, 0.1, 32)), 1, 7).Path;
        Directory.CreateDirectory(temp.File("cache/0.0.1"));
        File.WriteAllText(temp.File("cache/0.0.1/old.onnx"), "12345");
        File.WriteAllText(temp.File("cache/0.0.1/old.onnx.0123abcd.tmp"), "123");
        File.WriteAllText(temp.File("cache/notes.txt"), "mine");
        File.WriteAllText(temp.File("cache/0.0.1/keep.txt"), "mine too");
        long modelBytes = new FileInfo(model).Length;

        Assert.Equal((3, modelBytes + 8), cache.Usage());
        Assert.Equal((3, modelBytes + 8), cache.Clear());

        Assert.Equal((0, 0L), cache.Usage());
        Assert.False(File.Exists(model));
        Assert.False(Directory.Exists(Path.GetDirectoryName(model)));
        Assert.True(File.Exists(temp.File("cache/notes.txt")));
        Assert.True(File.Exists(temp.File("cache/0.0.1/keep.txt")));
    }

    [Fact]
    public void A_cache_folder_that_does_not_exist_is_empty()
    {
        using var temp = new TempFolder();
        var cache = new ModelCache(temp.File("never-made"));

        Assert.Equal((0, 0L), cache.Usage());
        Assert.Equal((0, 0L), cache.Clear());
        Assert.False(Directory.Exists(cache.Directory));
    }
}
