using EffNetBench.Core.Benchmarking;

namespace EffNetBench.IntegrationTests;

public sealed class PrivateModelCacheTests
{
    [Fact]
    public void The_tool_under_test_defaults_to_a_temporary_model_cache_not_the_users()
    {
        Assert.StartsWith(Path.GetTempPath(), PrivateModelCache.Directory, StringComparison.Ordinal);
        Assert.Equal(PrivateModelCache.Directory, ModelCache.ForPlatform().Directory);
    }
}
