using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Tests.Quantization;

public sealed class PrecisionNamesTests
{
    [Theory]
    [InlineData("fp32", Precision.Fp32)]
    [InlineData("FP16", Precision.Fp16)]
    [InlineData(" int8 ", Precision.Int8)]
    [InlineData("int8-dynamic", Precision.Int8Dynamic)]
    public void Names_parse_case_insensitively_and_round_trip(string text, Precision expected)
    {
        Assert.True(PrecisionNames.TryParse(text, out Precision parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(text.Trim().ToLowerInvariant(), PrecisionNames.Name(parsed));
    }

    [Theory]
    [InlineData("int4")]
    [InlineData("")]
    [InlineData("int8_dynamic")]
    public void Other_names_are_not_precisions(string text) => Assert.False(PrecisionNames.TryParse(text, out _));

    [Fact]
    public void Fp32_is_recorded_as_null_so_old_results_read_as_fp32()
    {
        Assert.Null(PrecisionNames.Recorded(Precision.Fp32));
        Assert.Equal("int8", PrecisionNames.Recorded(Precision.Int8));
        Assert.Equal(Precision.Fp32, PrecisionNames.Parse(null));
    }

    [Theory]
    [InlineData(null, GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData("disabled", GraphOptimizationLevel.ORT_DISABLE_ALL)]
    [InlineData("basic", GraphOptimizationLevel.ORT_ENABLE_BASIC)]
    [InlineData("extended", GraphOptimizationLevel.ORT_ENABLE_EXTENDED)]
    [InlineData("all", GraphOptimizationLevel.ORT_ENABLE_ALL)]
    public void Graph_optimisation_levels_map_to_onnx_runtime_and_default_to_all(string? name, GraphOptimizationLevel expected) =>
        Assert.Equal(expected, GraphOptimizationLevels.Level(name));

    [Fact]
    public void Only_int8_dynamic_is_refused_off_the_cpu_before_conversion()
    {
        Assert.All(Enum.GetValues<Precision>(), p => Assert.Null(PrecisionSupport.Problem(ExecutionProvider.Cpu, p)));
        Assert.NotNull(PrecisionSupport.Problem(ExecutionProvider.Cuda, Precision.Int8Dynamic));
        Assert.Null(PrecisionSupport.Problem(ExecutionProvider.TensorRt, Precision.Int8));
        Assert.True(PrecisionSupport.IsMissingKernel("[ErrorCode:NotImplemented] Could not find an implementation for ConvInteger(10) node with name 'c'"));
        Assert.False(PrecisionSupport.IsMissingKernel("[ErrorCode:InvalidGraph] Load model failed"));
    }
}
