using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>`run --variants`: a zoo model generated into the given cache and measured (B0, about 8 ms per inference).</summary>
[Collection(RunCollection.Name)]
public sealed class RunZooVariantTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact] // about 1-2 s here (generation included), so not marked Slow
    public void B0_is_generated_into_the_cache_dir_and_measured()
    {
        (int code, string output, string error) = _work.Run("--variants", "b0");

        Assert.True(code == 0, error);
        CaseResult c = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        Assert.Equal("b0-r224/cpu/b1/tdefault", c.Id);
        RunAssert.ValidOk(c);
        Assert.Equal(("b0", ModelSource.Zoo, 224, 5_288_548L), (c.Model.Name, c.Model.Source, c.Model.Resolution, c.Model.Params!.Value));
        Assert.Equal(385_814_752, c.Model.Macs);
        Assert.True(c.AchievedGflops > 0, $"{c.AchievedGflops} GFLOP/s");

        // Generated once into --cache-dir, keyed by variant, resolution, batch, seed and tool version.
        string cached = new ModelCache(_work.Cache).PathFor(ArchitectureBuilder.Build(ZooCatalog.Find("b0").Spec), 1, ExportOptions.DefaultSeed);
        Assert.True(File.Exists(cached), cached);
        Assert.Single(Directory.GetFiles(_work.Cache, "*", SearchOption.AllDirectories));
        Assert.Contains("b0@224", output);
    }
}
