using EffNetBench.Core;
using EffNetBench.Core.Benchmarking;
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
    public void A_model_is_generated_once_under_the_tool_version_and_then_reused()
    {
        using var temp = new TempFolder();
        var cache = new ModelCache(temp.File("cache"));
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(VariantSpec.Custom(0.25, 0.1, 32));

        (string path, bool generated) = cache.GetOrCreate(arch, 1, 7);
        (string again, bool regenerated) = cache.GetOrCreate(arch, 1, 7);

        Assert.True(generated);
        Assert.False(regenerated);
        Assert.Equal(path, again);
        Assert.Equal(Path.Combine(cache.Directory, ToolVersion.Current), Path.GetDirectoryName(path));
        Assert.EndsWith("-r32-b1-s7.onnx", path);
        Assert.NotEqual(path, cache.PathFor(arch, null, 7));
        Assert.NotEqual(path, cache.PathFor(arch, 1, 8));
    }
}
