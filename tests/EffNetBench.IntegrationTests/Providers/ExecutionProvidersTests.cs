using EffNetBench.Core.Providers;

namespace EffNetBench.IntegrationTests.Providers;

public sealed class ExecutionProvidersTests
{
    [Fact]
    public void Names_are_the_command_line_names_in_enum_order()
    {
        Assert.Equal(["cpu", "cuda", "tensorrt", "openvino"], ExecutionProviders.Names);
        Assert.Equal(Enum.GetValues<ExecutionProvider>(), ExecutionProviders.All);
    }

    [Fact]
    public void Every_name_parses_back_to_its_provider_in_any_case()
    {
        foreach (ExecutionProvider p in Enum.GetValues<ExecutionProvider>())
        {
            string name = ExecutionProviders.Name(p);
            Assert.True(ExecutionProviders.TryParse(name, out ExecutionProvider parsed));
            Assert.Equal(p, parsed);
            Assert.True(ExecutionProviders.TryParse(name.ToUpperInvariant(), out parsed));
            Assert.Equal(p, parsed);
        }

        Assert.True(ExecutionProviders.TryParse("TensorRT", out ExecutionProvider trt));
        Assert.Equal(ExecutionProvider.TensorRt, trt);
        Assert.True(ExecutionProviders.TryParse("OpenVINO", out ExecutionProvider ov));
        Assert.Equal(ExecutionProvider.OpenVino, ov);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpu")]
    [InlineData("trt")]
    [InlineData("rocm")]
    [InlineData("cuda0")]
    [InlineData("CUDAExecutionProvider")]
    public void Unknown_names_are_rejected(string name) =>
        Assert.False(ExecutionProviders.TryParse(name, out _));

    [Fact]
    public void Ort_names_are_the_ones_onnx_runtime_reports()
    {
        Assert.Equal("CPUExecutionProvider", ExecutionProviders.OrtName(ExecutionProvider.Cpu));
        Assert.Equal("CUDAExecutionProvider", ExecutionProviders.OrtName(ExecutionProvider.Cuda));
        Assert.Equal("TensorrtExecutionProvider", ExecutionProviders.OrtName(ExecutionProvider.TensorRt));
        Assert.Equal("OpenVINOExecutionProvider", ExecutionProviders.OrtName(ExecutionProvider.OpenVino));
    }
}
