using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Graph;

namespace EffNetBench.Tests.Benchmarking.Profiling;

public sealed class OperatorKindTests
{
    [Theory]
    [InlineData(32, 32, new long[] { 3, 3 }, "conv-depthwise")]
    [InlineData(32, 32, new long[] { 1, 1 }, "conv-depthwise")] // one filter per channel, whatever its size
    [InlineData(16, 1, new long[] { 1, 1 }, "conv-pointwise")]
    [InlineData(3, 1, new long[] { 3, 3 }, "conv")]
    [InlineData(32, 4, new long[] { 1, 1 }, "conv")] // grouped 1x1
    [InlineData(1, 1, new long[] { 3, 3 }, "conv")] // one channel, one group: not depthwise
    public void Convolutions_by_group_and_kernel(long channels, long group, long[] kernel, string kind) =>
        Assert.Equal(kind, OperatorKind.OfConv(channels, group, kernel));

    [Theory]
    [InlineData("b0-r224/cpu/b1/t2", "profile/b0-r224_cpu_b1_t2.json")]
    [InlineData("my model:v2/cuda/b8/tdefault/e2e", "profile/my_model_v2_cuda_b8_tdefault_e2e.json")]
    public void A_case_id_becomes_a_trace_file_name(string id, string file) => Assert.Equal(file, CaseProfiler.TraceFileFor(id));

    [Fact]
    public void The_run_folder_is_two_levels_above_a_cases_artifacts_folder()
    {
        string run = Path.Combine(Path.GetTempPath(), "some-run");
        Assert.Equal(run, BenchmarkEngine.RunDirectoryOf(Path.Combine(run, "bdn", "b0-r224_cpu_b1_t1")));
        Assert.Equal(Path.Combine(run, "elsewhere"), BenchmarkEngine.RunDirectoryOf(Path.Combine(run, "elsewhere")));
    }
}
