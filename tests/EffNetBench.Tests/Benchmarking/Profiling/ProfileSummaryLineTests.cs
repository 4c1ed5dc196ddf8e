using System.Collections.Immutable;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Profiling;

public sealed class ProfileSummaryLineTests
{
    private static readonly ModelInfo Model = new("b0", ModelSource.Zoo, null, 224, null, null, null);

    private static CaseResult Case(ProfileSummary? profile) =>
        CaseResult.Skipped("b0-r224/cuda/b1/tdefault", Model, "cuda", 1, null, "x") with { Profile = profile };

    private static ProfileSummary Profile(bool fallback, params string[] warnings) => new ProfileSummary(
        20, "profile/b0.json", 9.5, 10.25, [new ProfiledNode("n", "Conv", "conv", null, "CPUExecutionProvider", 1, null, null, null, null, false, [])],
        [new ProfileGroup("conv-pointwise", 64, 5.7, 0.6, 1e8, 0.85, 1e6)],
        [],
        [new ProviderPlacement("CUDAExecutionProvider", 200, 7.6, 0.8), new ProviderPlacement("CPUExecutionProvider", 12, 1.9, 0.2)],
        fallback, [.. warnings]);

    [Fact]
    public void A_profiled_case_gets_one_line_with_node_time_overhead_largest_kind_and_its_cpu_fallback()
    {
        Assert.Equal(
            "profile b0-r224/cuda/b1/tdefault: node time 9.50 ms of median 10.25 ms (overhead 0.75 ms) over 20 inferences; largest kind conv-pointwise 60 %; CPU FALLBACK: 12 nodes, 20.0 % of node time; 1 warnings in results.json",
            RunSummaryReport.ProfileLine(Case(null), Profile(true, "w")));
        Assert.Equal(
            "profile b0-r224/cuda/b1/tdefault: node time 9.50 ms of median 10.25 ms (overhead 0.75 ms) over 20 inferences; largest kind conv-pointwise 60 %",
            RunSummaryReport.ProfileLine(Case(null), Profile(false)));
    }

    [Fact]
    public void A_case_whose_profile_has_no_nodes_says_why_and_an_unprofiled_case_has_no_line()
    {
        ProfileSummary empty = Profile(false, "ONNX Runtime wrote no profile for TensorRT") with { Nodes = ImmutableArray<ProfiledNode>.Empty };
        Assert.Equal("profile b0-r224/cuda/b1/tdefault: none (ONNX Runtime wrote no profile for TensorRT)", RunSummaryReport.ProfileLine(Case(null), empty));
        Assert.DoesNotContain("profile ", RunSummaryReport.Render([Case(null)]), StringComparison.Ordinal);
        Assert.Contains("\nprofile b0-r224/cuda/b1/tdefault: none", RunSummaryReport.Render([Case(empty)]), StringComparison.Ordinal);
    }
}
