using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

public sealed class CaseIdTests
{
    [Theory]
    [InlineData("b0", 224, "cpu", 1, 2, "b0-r224/cpu/b1/t2")]
    [InlineData("b0", 224, "cpu", 8, null, "b0-r224/cpu/b8/tdefault")]
    [InlineData("mymodel", null, "cpu", 1, 4, "mymodel/cpu/b1/t4")]
    [InlineData("My Model/v2", 300, "CUDA", 16, 1, "my-model-v2-r300/cuda/b16/t1")]
    public void Ids_are_deterministic_and_path_like(string model, int? resolution, string provider, int batch, int? threads, string expected)
    {
        Assert.Equal(expected, CaseId.For(model, resolution, provider, batch, threads));
    }

    [Fact]
    public void Ids_do_not_depend_on_the_current_culture()
    {
        // Turkish lower-cases 'I' to a dotless i, which would change "CPU-Intel" under a culture-aware ToLower.
        using (new CultureScope("tr-TR"))
        {
            Assert.Equal("lite4-r1000/cpu-intel/b1/t2", CaseId.For("LITE4", 1000, "CPU-INTEL", 1, 2));
        }
    }

    [Theory]
    [InlineData(null, "b0-r224/cpu/b1/t2")]
    [InlineData("fp32", "b0-r224/cpu/b1/t2")]
    [InlineData("int8", "b0-r224/int8/cpu/b1/t2")]
    [InlineData("int8-dynamic", "b0-r224/int8-dynamic/cpu/b1/t2")]
    [InlineData("fp16", "b0-r224/fp16/cpu/b1/t2")]
    public void A_precision_segment_follows_the_model_only_when_not_fp32(string? precision, string expected)
    {
        Assert.Equal(expected, CaseId.For("b0", 224, "cpu", 1, 2, precision: precision));
    }
}
