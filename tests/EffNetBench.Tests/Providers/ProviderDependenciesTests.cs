using EffNetBench.Core.Providers;

namespace EffNetBench.Tests.Providers;

public sealed class ProviderDependenciesTests
{
    [Theory]
    [InlineData("libcudart.so.12", "CUDA 12")]
    [InlineData("libcublasLt.so.13", "CUDA 13")]
    [InlineData("libcudnn.so.9", "cuDNN 9")]
    [InlineData("libnvinfer.so.10", "TensorRT 10")]
    [InlineData("libnvonnxparser.so.10", "TensorRT 10")]
    [InlineData("libcuda.so.1", "the NVIDIA driver")]
    [InlineData("libcurand.so.10", null)] // cuRAND's own major, not CUDA's
    [InlineData("libstdc++.so.6", null)]
    [InlineData("libc.so.6", null)]
    public void A_soname_says_which_software_and_major_it_needs(string library, string? stack) =>
        Assert.Equal(stack, ProviderDependencies.Stack(library));

    [Fact]
    public void Majors_are_listed_once_in_order_of_first_mention() =>
        Assert.Equal("CUDA 13, TensorRT 10 and cuDNN 9",
            ProviderDependencies.Majors(["libcublas.so.13", "libdl.so.2", "libnvinfer.so.10", "libnvonnxparser.so.10", "libcudart.so.13", "libcudnn.so.9", "libc.so.6"]));
}
