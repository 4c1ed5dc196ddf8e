using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Graph;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Graph;
using Onnx;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Benchmarking.Profiling;

/// <summary>The join on a tiny MBConv-like graph whose FLOPs and bytes are computed by hand below, with a trace named the
/// way ONNX Runtime's CPU optimizer names its nodes (NCHWc convolutions, QuickGelu for x*sigmoid(x), a Conv with its
/// BatchNormalization folded in, an added ReorderOutput).</summary>
public sealed class ProfileJoinTests
{
    // x[1,4,8,8] float32 (1024 B)
    // expand.conv  1x1 4->8, bias: MACs 64*8*4 = 2048, FLOPs 2*2048 + 512 bias = 4608;  reads x 1024 + W 128 + b 32 = 1184, writes 2048
    // expand.sigmoid, expand.silu (x*sigmoid(x)): 512 FLOPs each; fused they read e 2048 and write 2048 (s stays inside)
    // dw.conv      3x3 depthwise, 8 groups: MACs 64*8*9 = 4608, FLOPs 9216; W 288 B
    // dw.bn        2 FLOPs per element: 1024; params 4*32 = 128 B; fused with dw.conv: reads a 2048 + 288 + 128 = 2464, writes 2048
    // project.conv 1x1 8->4, no bias: MACs 64*4*8 = 2048, FLOPs 4096; reads 2048 + W 128 = 2176, writes 1024
    // add          x + p: 256 FLOPs; reads 1024 + 1024, writes 1024
    // Total 4608 + 1024 + 10240 + 4096 + 256 = 20224 FLOPs.
    internal static ModelProto TinyMbConv(bool named = true)
    {
        string? Name(string name) => named ? name : null;
        return new TestModelBuilder()
            .Input("x", 1, 4, 8, 8)
            .Weight("expand.w", [8, 4, 1, 1])
            .Weight("expand.b", [8])
            .Weight("dw.w", [8, 1, 3, 3])
            .Weight("bn.scale", [8]).Weight("bn.bias", [8]).Weight("bn.mean", [8]).Weight("bn.var", [8])
            .Weight("project.w", [4, 8, 1, 1])
            .Node("Conv", ["x", "expand.w", "expand.b"], ["e"], Name("expand.conv"), string.Empty, Attr("kernel_shape", 1, 1))
            .Node("Sigmoid", "e", "s", Name("expand.sigmoid"))
            .Node("Mul", ["e", "s"], ["a"], Name("expand.silu"))
            .Node("Conv", ["a", "dw.w"], ["d"], Name("dw.conv"), string.Empty, Attr("kernel_shape", 3, 3), Attr("pads", 1, 1, 1, 1), Attr("group", 8L))
            .Node("BatchNormalization", ["d", "bn.scale", "bn.bias", "bn.mean", "bn.var"], ["n"], Name("dw.bn"))
            .Node("Conv", ["n", "project.w"], ["p"], Name("project.conv"), string.Empty, Attr("kernel_shape", 1, 1))
            .Node("Add", ["x", "p"], ["y"], Name("add"))
            .Output("y")
            .Build();
    }

    private static readonly GraphAnalysis Analysis = GraphAnalyzer.Analyze(TinyMbConv(), new AnalysisOptions());

    private static string Trace() => TraceFor.TinyMbConv();

    private static string? StageOf(string name) => name switch
    {
        _ when name.StartsWith("expand", StringComparison.Ordinal) => "stage1",
        _ when name.StartsWith("dw", StringComparison.Ordinal) => "stage2",
        _ => "stage3",
    };

    private static ProfileSummary Join(string? trace = null, bool cpu = true, Func<string, string?>? stageOf = null) =>
        ProfileJoin.Join(trace ?? Trace(), Analysis, new ProfileJoinOptions(2, 3, 0.5, cpu, "profile/tiny.json", stageOf));

    [Fact]
    public void The_analysis_costs_each_node_and_its_bytes_by_hand()
    {
        Assert.Equal(20224, Analysis.Flops);
        Assert.Equal(
            [("expand.conv", "conv-pointwise", 4608L, 1184L, 2048L), ("expand.sigmoid", "Sigmoid", 512, 2048, 2048), ("expand.silu", "Mul", 512, 4096, 2048),
             ("dw.conv", "conv-depthwise", 9216, 2336, 2048), ("dw.bn", "BatchNormalization", 1024, 2176, 2048),
             ("project.conv", "conv-pointwise", 4096, 2176, 1024), ("add", "Add", 256, 2048, 1024)],
            Analysis.Nodes.Select(n => (n.Name, n.Kind, n.Flops, n.BytesRead!.Value, n.BytesWritten!.Value)));
    }

    [Fact]
    public void Each_traced_node_has_its_median_and_the_flops_and_bytes_of_the_graph_nodes_it_covers()
    {
        ProfileSummary p = Join();

        Assert.Equal(3, p.Inferences);
        Assert.Equal("profile/tiny.json", p.TraceFile);
        Assert.Equal(
            [("expand.conv_nchwc", "conv-pointwise", 100.0, 4608.0, 1184L, 2048L), ("expand.silu/QuickGeluFusion/", "QuickGelu", 45, 1024, 2048, 2048),
             ("dw.conv_nchwc", "conv-depthwise", 200, 10240, 2464, 2048), ("project.conv", "conv-pointwise", 80, 4096, 2176, 1024),
             ("add", "Add", 25, 256, 2048, 1024)],
            p.Nodes.Where(n => n.Matched).Select(n => (n.Name, n.Kind, n.MedianUs, n.Flops!.Value, n.BytesRead!.Value, n.BytesWritten!.Value)));
        Assert.Equal(["expand.silu", "expand.sigmoid"], p.Nodes[1].OriginalNodes.ToArray());
        Assert.Equal(["dw.conv", "dw.bn"], p.Nodes[2].OriginalNodes.ToArray());
        Assert.Equal(4608, p.Nodes[2].Macs); // the BatchNormalization adds FLOPs, no multiply-adds

        // Intensity and achieved rates: 10240 FLOPs / (2464 + 2048) B; 10240 FLOPs in 200 us = 0.0512 GFLOP/s.
        Assert.Equal(10240.0 / 4512, p.Nodes[2].Intensity!.Value, 12);
        Assert.Equal(0.0512, p.Nodes[2].AchievedGflops!.Value, 12);
    }

    [Fact]
    public void A_node_the_runtime_added_is_listed_unmatched_with_its_time_and_said_in_the_warnings()
    {
        ProfileSummary p = Join();

        ProfiledNode reorder = Assert.Single(p.Nodes, n => !n.Matched);
        Assert.Equal(("ReorderOutput", "ReorderOutput", 10.0), (reorder.Name, reorder.Kind, reorder.MedianUs));
        Assert.Null(reorder.Flops);
        Assert.Null(reorder.BytesRead);
        Assert.Empty(reorder.OriginalNodes.ToArray());
        Assert.Contains(p.Warnings, w => w.StartsWith("1 traced nodes match no node of the graph", StringComparison.Ordinal) && w.Contains("0.01 ms", StringComparison.Ordinal));
    }

    [Fact]
    public void Kinds_add_up_time_flops_and_bytes_and_node_time_is_compared_with_the_median()
    {
        ProfileSummary p = Join();

        // 100 + 45 + 200 + 10 + 80 + 25 = 460 us.
        Assert.Equal(0.46, p.NodeTimeMs, 12);
        Assert.Equal(0.04, p.OverheadMs, 12);
        Assert.Equal(
            [("conv-depthwise", 1, 0.2, 10240.0, 4512.0), ("conv-pointwise", 2, 0.18, 8704, 3232 + 3200), ("QuickGelu", 1, 0.045, 1024, 4096),
             ("Add", 1, 0.025, 256, 3072), ("ReorderOutput", 1, 0.01, 0, 0)],
            p.Kinds.Select(k => (k.Name, k.Nodes, Math.Round(k.TimeMs, 9), k.Flops, k.Bytes)));
        Assert.Equal(200 / 460.0, p.Kinds[0].TimeShare, 12);
        Assert.Equal(10240 / 20224.0, p.Kinds[0].FlopShare, 12);
        Assert.Equal(1.0, p.Kinds.Sum(k => k.TimeShare), 12);
        Assert.Equal(1.0, p.Kinds.Sum(k => k.FlopShare), 12);
    }

    [Fact]
    public void Stages_come_from_the_matched_names_and_an_added_node_takes_the_stage_before_it()
    {
        ProfileSummary p = Join(stageOf: StageOf);

        Assert.Equal("stage2", Assert.Single(p.Nodes, n => !n.Matched).Stage);
        Assert.Equal(
            [("stage1", 2, 0.145, 5632.0), ("stage2", 2, 0.21, 10240), ("stage3", 2, 0.105, 4352)],
            p.Stages.Select(s => (s.Name, s.Nodes, Math.Round(s.TimeMs, 9), s.Flops)));
        Assert.Empty(Join().Stages); // a user's model has no stages
        Assert.All(Join().Nodes, n => Assert.Null(n.Stage));
    }

    [Fact]
    public void A_cpu_case_places_every_node_on_the_cpu_without_fallback()
    {
        ProfileSummary p = Join();

        ProviderPlacement cpu = Assert.Single(p.Placement);
        Assert.Equal(("CPUExecutionProvider", 6, 1.0), (cpu.Provider, cpu.Nodes, cpu.TimeShare));
        Assert.False(p.CpuFallback);
    }

    [Fact]
    public void Text_that_is_not_a_trace_gives_an_empty_profile_with_the_reason()
    {
        ProfileSummary p = Join("{\"cat\": ");

        Assert.Empty(p.Nodes);
        Assert.Equal(0.5, p.CaseMedianMs);
        Assert.Contains("cannot be read", Assert.Single(p.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_without_node_events_says_the_provider_reported_none()
    {
        string sessionOnly = "[{\"cat\" : \"Session\",\"dur\" :5,\"ts\" :1,\"ph\" : \"X\",\"name\" :\"model_run\",\"args\" : {}}]";
        ProfileSummary p = Join(sessionOnly);

        Assert.Empty(p.Nodes);
        Assert.Contains(p.Warnings, w => w.Contains("no node executions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_trace_joins_the_complete_inferences_and_warns()
    {
        string full = Trace();
        string cut = full[..full.LastIndexOf("\"name\" :\"dw.conv_nchwc_kernel_time\"", StringComparison.Ordinal)];
        ProfileSummary p = Join(cut);

        Assert.Equal(2, p.Inferences); // the third profiled inference was cut
        Assert.Equal(105, p.Nodes[0].MedianUs); // 100 and 110
        Assert.Contains(p.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(p.Warnings, w => w.StartsWith("2 of the 3 requested inferences", StringComparison.Ordinal));
    }

    [Fact]
    public void Nodes_without_names_are_matched_by_operator_and_output_shape_and_the_rest_is_said()
    {
        GraphAnalysis unnamed = GraphAnalyzer.Analyze(TinyMbConv(named: false), new AnalysisOptions());
        string trace = new TraceText()
            .Node(string.Empty, "Conv", [1, 8, 8, 8])
            .Node(string.Empty, "QuickGelu", [1, 8, 8, 8])
            .Node(string.Empty, "Conv", [1, 8, 8, 8])
            .Node(string.Empty, "Conv", [1, 4, 8, 8])
            .Node(string.Empty, "Add", [1, 4, 8, 8])
            .Run(1, 1, 1, 1, 1)
            .Run(10, 2, 20, 8, 3)
            .ToString();

        ProfileSummary p = ProfileJoin.Join(trace, unnamed, new ProfileJoinOptions(1, 1, 1, true, null));

        // Told apart by the trace's node index; the BatchNormalization folded into the depthwise Conv goes with it.
        Assert.Equal(["(Conv #0)", "(QuickGelu #1)", "(Conv #2)", "(Conv #3)", "(Add #4)"], p.Nodes.Select(n => n.Name));
        Assert.Equal([true, false, true, true, true], p.Nodes.Select(n => n.Matched));
        Assert.Equal(["conv-pointwise", "QuickGelu", "conv-depthwise", "conv-pointwise", "Add"], p.Nodes.Select(n => n.Kind));
        Assert.Equal([4608, null, 10240, 4096, 256], p.Nodes.Select(n => n.Flops));
        Assert.Contains(p.Warnings, w => w.StartsWith("5 traced nodes have no name", StringComparison.Ordinal) && w.Contains("4 of them", StringComparison.Ordinal));

        // The Sigmoid and Mul that ran as the unmatched QuickGelu are not credited to a neighbour: said, with their FLOPs.
        Assert.Contains(p.Warnings, w => w.StartsWith("2 graph nodes are in no traced node", StringComparison.Ordinal) && w.EndsWith("1024 FLOPs", StringComparison.Ordinal));
    }
}
