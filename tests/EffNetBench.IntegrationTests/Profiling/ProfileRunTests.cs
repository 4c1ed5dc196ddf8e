using System.Text.Json;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Run;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.IntegrationTests.Profiling;

/// <summary>`run --profile` with the real ONNX Runtime: the CLI end to end on a tiny model, the profiler pass on its
/// own for B0 (its trace joined with its analysis) and for a model whose nodes have no names.</summary>
[Collection(RunCollection.Name)]
public sealed class ProfileRunTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Run_with_profile_keeps_the_trace_in_the_run_folder_and_the_joined_profile_in_results_json()
    {
        string tiny = _work.TinyModel("tiny");

        (int code, string output, string error) = _work.Run("--model", tiny, "--threads", "1", "--launches", "2", "--profile");

        Assert.True(code == 0, error);
        CaseResult c = Assert.Single(ResultsStore.Load(_work.Out).Cases);
        ProfileSummary p = Assert.IsType<ProfileSummary>(c.Profile);
        Assert.Equal(CaseProfiler.DefaultInferences, p.Inferences); // --profile without a number
        Assert.Equal(20, ResultsStore.Load(_work.Out).Settings.ProfileInferences);
        Assert.Equal("profile/tiny-r32_cpu_b1_t1.json", p.TraceFile);
        Assert.True(File.Exists(Path.Combine(_work.Out, p.TraceFile!)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_work.Out, "profile"), "*.ort*")); // the runtime's own file name was moved

        // Compared with the merged median of both launches (profiled in the last one only).
        Assert.Equal(c.LatencyMs!.Median, p.CaseMedianMs);
        Assert.Equal(p.Nodes.Sum(n => n.MedianUs) / 1000, p.NodeTimeMs, 9);
        Assert.All(p.Nodes, n => Assert.Equal("CPUExecutionProvider", n.Provider));
        Assert.False(p.CpuFallback);
        Assert.Equal("CPUExecutionProvider", Assert.Single(p.Placement).Provider);

        // Every convolution of the graph was timed, matched back, and costed.
        GraphAnalysis analysis = GraphAnalyzer.Analyze(OnnxModelFile.Load(tiny), new AnalysisOptions(1));
        HashSet<string> covered = [.. p.Nodes.Where(n => n.Matched).SelectMany(n => n.OriginalNodes)];
        Assert.All(analysis.Nodes.Where(n => n.OpType == "Conv"), conv => Assert.Contains(conv.Name, covered));
        Assert.Equal(analysis.Flops, p.Nodes.Sum(n => n.Flops ?? 0));
        Assert.Empty(p.Stages); // a file given with --model is a user's model: no stages
        Assert.Contains("profile tiny-r32/cpu/b1/t1: node time", output, StringComparison.Ordinal);

        // results.json spells the contract's fields.
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.Out, ResultsStore.ResultsFileName)));
        JsonElement profile = json.RootElement.GetProperty("cases")[0].GetProperty("profile");
        Assert.Equal(20, profile.GetProperty("inferences").GetInt32());
        Assert.True(profile.GetProperty("nodes")[0].TryGetProperty("median_us", out _));
    }

    [Fact]
    [Trait("Category", "Slow")] // B0's generation, a profiled session and its analysis: 5-15 s on a shared 2-core machine
    public void A_real_b0_trace_joins_with_its_analysis_every_conv_matched_and_the_flop_shares_those_of_the_analysis()
    {
        var settings = new RunSettings(["b0"], [], ["cpu"], [1], [1], "quick", (int)Core.Zoo.ExportOptions.DefaultSeed, _work.Out, null) { ProfileInferences = 3 };
        PlannedCase planned = Assert.Single(RunPlanner.Plan(settings));
        string model = ModelCache.ForPlatform(_work.Cache).GetOrCreate(planned.Architecture!, 1, Core.Zoo.ExportOptions.DefaultSeed).Path;

        ProfileSummary p = CaseProfiler.Profile(planned, model, new RunRequest(settings, new ProviderSettings(), _work.Cache), 3, 10.0, _work.Out);

        Assert.True(p.Nodes.Length > 100, string.Join("; ", p.Warnings));
        Assert.Equal(3, p.Inferences);
        GraphAnalysis analysis = GraphAnalyzer.Analyze(OnnxModelFile.Load(model), new AnalysisOptions(1));
        var byName = analysis.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);

        // Every Conv of B0 is in exactly one matched traced node; every FLOP of the graph is counted once.
        string[] covered = [.. p.Nodes.Where(n => n.Matched).SelectMany(n => n.OriginalNodes)];
        Assert.Equal(covered.Length, covered.Distinct().Count());
        Assert.All(analysis.Nodes.Where(n => n.OpType == "Conv"), conv => Assert.Contains(conv.Name, covered));
        Assert.Equal(analysis.Flops, p.Nodes.Sum(n => n.Flops ?? 0));

        // The FLOP share of each kind of the graph's nodes, summed over the traced nodes they ran in, is the analysis's.
        double total = analysis.Flops;
        foreach (IGrouping<string, NodeCost> kind in analysis.Nodes.GroupBy(n => n.Kind))
        {
            double fromProfile = p.Nodes.SelectMany(n => n.OriginalNodes).Where(o => byName[o].Kind == kind.Key).Sum(o => (double)byName[o].Flops);
            Assert.Equal(kind.Sum(n => (double)n.Flops) / total, fromProfile / total, 12);
        }

        // Depthwise and full convolutions ran unfused with other kinds: their profile kinds carry exactly their FLOP share.
        foreach (string kind in new[] { OperatorKind.Depthwise, OperatorKind.Conv })
        {
            double expected = analysis.Nodes.Where(n => n.Kind == kind).Sum(n => (double)n.Flops) / total;
            Assert.Equal(expected, p.Kinds.Single(k => k.Name == kind).FlopShare, 12);
        }

        // B0's seven stages, its stem and head, in execution order.
        Assert.Equal(["stem", "stage1", "stage2", "stage3", "stage4", "stage5", "stage6", "stage7", "head"], p.Stages.Select(s => s.Name));
        Assert.Equal(1.0, p.Stages.Sum(s => s.TimeShare), 9);
        Assert.Equal(1.0, p.Kinds.Sum(k => k.FlopShare), 9);
        Assert.True(File.Exists(Path.Combine(_work.Out, "profile", "b0-r224_cpu_b1_t1.json")));
    }

    [Fact]
    public void A_model_whose_nodes_have_no_names_is_profiled_and_matched_through_the_names_the_runtime_gives_them()
    {
        var graph = new GraphProto { Name = "unnamed" };
        graph.Input.Add(OnnxGraphBuilder.FloatTensor("x", 1, 64));
        graph.Output.Add(OnnxGraphBuilder.TensorOfAnyShape("y", TensorProto.Types.DataType.Float));
        graph.Node.Add(new NodeProto { OpType = "Abs", Input = { "x" }, Output = { "a" } });
        graph.Node.Add(new NodeProto { OpType = "Neg", Input = { "a" }, Output = { "y" } });
        string path = Path.Combine(_work.Root, "unnamed.onnx");
        File.WriteAllBytes(path, OnnxModelFile.Create(graph, 17).ToByteArray());
        var settings = new RunSettings([], [path], ["cpu"], [1], [1], "quick", 1, _work.Out, null) { ProfileInferences = 2 };
        PlannedCase planned = Assert.Single(RunPlanner.Plan(settings));

        ProfileSummary p = CaseProfiler.Profile(planned, path, new RunRequest(settings, new ProviderSettings()), 2, 1.0, _work.Out);

        Assert.Equal(2, p.Nodes.Length);
        Assert.All(p.Nodes, n => Assert.True(n.Matched, string.Join("; ", p.Warnings)));
        Assert.Equal(["Abs_0", "Neg_1"], p.Nodes.SelectMany(n => n.OriginalNodes));
        Assert.Equal([64.0, 64.0], p.Nodes.Select(n => n.Flops!.Value));
        Assert.Contains(p.Warnings, w => w.StartsWith("2 nodes of the model have no name", StringComparison.Ordinal));
        Assert.Empty(p.Stages);
    }

    [Fact]
    public void A_profiling_pass_that_fails_is_a_profile_with_the_reason_never_an_exception()
    {
        string path = Path.Combine(_work.Root, "broken.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var settings = new RunSettings([], [_work.SqrtModel("sqrt")], ["cpu"], [1], [1], "quick", 1, _work.Out, null) { ProfileInferences = 2 };
        PlannedCase planned = Assert.Single(RunPlanner.Plan(settings));

        ProfileSummary p = CaseProfiler.Profile(planned, path, new RunRequest(settings, new ProviderSettings()), 2, 3.5, _work.Out);

        Assert.Empty(p.Nodes);
        Assert.Null(p.TraceFile);
        Assert.Equal(3.5, p.CaseMedianMs);
        Assert.StartsWith("the profiling pass failed: OnnxRuntimeException", Assert.Single(p.Warnings), StringComparison.Ordinal);
    }
}
