using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Graph;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Profiling;

/// <summary>GPU placement without a GPU: Fixtures/cuda-fallback-trace.json is a hand-made trace in ONNX Runtime's format
/// of <see cref="ProfileJoinTests.TinyMbConv"/> on CUDA (one warm-up inference and two profiled ones, each node's time
/// d then d + 2 us, so its median is d + 1), whose last Conv and Add ran on the CPU provider, plus a MemcpyToHost the
/// runtime added.</summary>
public sealed class PlacementTests
{
    private static readonly string Fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Benchmarking", "Profiling", "Fixtures", "cuda-fallback-trace.json"));

    private static readonly GraphAnalysis Analysis = GraphAnalyzer.Analyze(ProfileJoinTests.TinyMbConv(), new AnalysisOptions());

    private static ProfileSummary Join(bool cpuCase, string? text = null) =>
        ProfileJoin.Join(text ?? Fixture, Analysis, new ProfileJoinOptions(1, 2, 1.0, cpuCase, "profile/tiny_cuda.json"));

    [Fact]
    public void A_cuda_case_with_nodes_on_the_cpu_provider_is_flagged_with_each_providers_nodes_and_time()
    {
        ProfileSummary p = Join(cpuCase: false);

        Assert.True(p.CpuFallback);
        Assert.Equal(2, p.Inferences);

        // CPU: project.conv 301 + add 21 = 322 us; CUDA: 51 + 6 + 7 + 31 + 41 (the Memcpy) = 136 us; 458 in all.
        Assert.Equal(
            [("CPUExecutionProvider", 2, 0.322, 0.703057), ("CUDAExecutionProvider", 5, 0.136, 0.296943)],
            p.Placement.Select(x => (x.Provider, x.Nodes, Math.Round(x.TimeMs, 9), Math.Round(x.TimeShare, 6))));
        Assert.Equal(0.458, p.NodeTimeMs, 12);
        Assert.Equal(["CPUExecutionProvider", "CPUExecutionProvider"], p.Nodes.Where(n => n.Name is "project.conv" or "add").Select(n => n.Provider));
        Assert.Contains(p.Warnings, w => w.Contains("host's time", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_graph_node_is_matched_by_its_unchanged_name_and_the_memcpy_is_listed_unmatched()
    {
        ProfileSummary p = Join(cpuCase: false);

        Assert.Equal(["Memcpy_token_0"], p.Nodes.Where(n => !n.Matched).Select(n => n.Name));
        Assert.Equal(["add", "dw.bn", "dw.conv", "expand.conv", "expand.sigmoid", "expand.silu", "project.conv"],
            p.Nodes.SelectMany(n => n.OriginalNodes).Order(StringComparer.Ordinal));
        Assert.Equal(["dw.conv", "dw.bn"], p.Nodes.Single(n => n.Name == "dw.conv").OriginalNodes.ToArray());
        Assert.Equal(Analysis.Flops, p.Nodes.Sum(n => n.Flops ?? 0));
    }

    [Fact]
    public void The_same_trace_of_a_cpu_case_is_no_fallback()
    {
        Assert.False(Join(cpuCase: true).CpuFallback);
        Assert.DoesNotContain(Join(cpuCase: true).Warnings, w => w.Contains("host's time", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_recording_keeps_the_complete_inferences_and_the_flag()
    {
        string cut = Fixture[..Fixture.LastIndexOf("\"name\" :\"add_kernel_time\"", StringComparison.Ordinal)];
        ProfileSummary p = Join(cpuCase: false, cut);

        Assert.Equal(1, p.Inferences);
        Assert.True(p.CpuFallback);
        Assert.Equal(300, p.Nodes.Single(n => n.Name == "project.conv").MedianUs);
        Assert.Contains(p.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
    }
}
