using EffNetBench.Core.Graph;
using Onnx;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class RobustnessTests
{
    /// <summary>x -> Conv 1x1 (3->4) -> custom op -> Relu -> GlobalAveragePool.</summary>
    private static TestModelBuilder WithCustomOp(string domain, string opType) =>
        new TestModelBuilder()
            .Input("x", 1, 3, 8, 8)
            .Weight("w", [4, 3, 1, 1])
            .Node("Conv", ["x", "w"], ["c"], "conv")
            .Node(opType, ["c"], ["m"], "mystery", domain)
            .Node("Relu", "m", "r", "after_relu")
            .Node("GlobalAveragePool", "r", "y", "after_gap")
            .Output("y");

    [Fact]
    public void UnknownCustomOpIsListedAndDownstreamIsNotCounted()
    {
        var r = GraphAnalyzer.Analyze(WithCustomOp("my.domain", "Mystery").Build(), new AnalysisOptions());

        Assert.Equal(3, r.NotCounted.Length);
        var custom = r.NotCounted[0];
        Assert.Equal("mystery", custom.NodeName);
        Assert.Equal("my.domain.Mystery", custom.OpType);
        Assert.Contains("custom operator", custom.Reason, StringComparison.Ordinal);
        Assert.Equal(new NotCountedNode("after_relu", "Relu", "input shape unknown"), r.NotCounted[1]);
        Assert.Equal(new NotCountedNode("after_gap", "GlobalAveragePool", "input shape unknown"), r.NotCounted[2]);
        Assert.False(r.IsComplete);

        // The Conv is still correct: 8*8*4*3*1*1 = 768 MACs, no bias.
        Assert.Equal(768, r.Macs);
        Assert.Equal(1536, r.Flops);
        Assert.Equal(12, r.Params);
        Assert.Equal("conv", Assert.Single(r.Nodes).Name);
        Assert.Equal(1024, r.ActivationBytes);
        Assert.Contains(r.Warnings, w => w.Contains("could not be resolved", StringComparison.Ordinal));
        Assert.Empty(r.Outputs[0].Dims);
    }

    [Fact]
    public void UnsupportedDefaultDomainOpIsNamed()
    {
        var r = GraphAnalyzer.Analyze(WithCustomOp(string.Empty, "FancyNewOp").Build(), new AnalysisOptions());
        Assert.Equal("unsupported operator 'FancyNewOp'", r.NotCounted[0].Reason);
    }

    [Fact]
    public void ValueInfoLetsAnalysisContinuePastAnUnknownOp()
    {
        var model = WithCustomOp("my.domain", "Mystery").ValueInfo("m", F32, 1, 4, 8, 8).Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());

        var only = Assert.Single(r.NotCounted);
        Assert.Equal("mystery", only.NodeName);

        // Conv 768 MACs; Relu 256 + GAP 256.
        Assert.Equal(768, r.Macs);
        Assert.Equal(512, r.OtherFlops);
        Assert.Equal<long?>([1, 4, 1, 1], r.Outputs[0].Dims);
    }

    [Fact]
    public void UnresolvedSymbolicSpatialDimIsNotCounted()
    {
        var model = new TestModelBuilder()
            .Input("x", "N", 3, "H", "W")
            .Weight("w", [4, 3, 3, 3])
            .Node("Conv", ["x", "w"], ["c"], "conv")
            .Node("Relu", "c", "y", "relu")
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions(Batch: 4));

        Assert.Equal<long?>([4, 3, null, null], r.Inputs[0].Dims);
        Assert.Equal(2, r.NotCounted.Length);
        Assert.Equal("conv", r.NotCounted[0].NodeName);
        Assert.Contains("'H'", r.NotCounted[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("input shape unknown", r.NotCounted[0].Reason, StringComparison.Ordinal);
        Assert.Equal("input shape unknown", r.NotCounted[1].Reason);
        Assert.Equal(0, r.Macs);
        Assert.Equal(108, r.Params);
        Assert.Empty(r.Nodes);
    }

    [Fact]
    public void SubgraphNodesAreNotCounted()
    {
        var model = new TestModelBuilder()
            .TypedInput("cond", 9)
            .Input("x", 1, 4)
            .Node("If", ["cond"], ["y"], "branch", string.Empty, new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = new GraphProto() })
            .Node("Relu", "x", "z", "relu")
            .Output("y")
            .Output("z")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        var nc = Assert.Single(r.NotCounted);
        Assert.Equal("branch", nc.NodeName);
        Assert.Contains("subgraph", nc.Reason, StringComparison.Ordinal);
        Assert.Equal(4, r.OtherFlops);
    }

    [Fact]
    public void MissingInputIsReportedNotThrown()
    {
        var model = new TestModelBuilder()
            .Input("x", 1, 4)
            .Node("Add", ["x", "ghost"], ["y"])
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        var nc = Assert.Single(r.NotCounted);
        Assert.Equal("Add_0", nc.NodeName);
        Assert.Contains("'ghost'", nc.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsortedNodesAreSorted()
    {
        var model = new TestModelBuilder()
            .Input("x", 1, 8)
            .Node("Relu", "a", "y", "second")
            .Node("Sigmoid", "x", "a", "first")
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal(["first", "second"], r.Nodes.Select(n => n.Name));
        Assert.Contains(r.Warnings, w => w.Contains("topological", StringComparison.Ordinal));
    }

    [Fact]
    public void DataDependentAndMlDomainOpsAreNotCounted()
    {
        var model = new TestModelBuilder()
            .Input("x", 1, 8)
            .Opset("ai.onnx.ml", 3)
            .Node("NonZero", "x", "nz", "nonzero")
            .Node("LinearClassifier", ["x"], ["label"], "classifier", "ai.onnx.ml")
            .Output("nz")
            .Output("label")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal("output shape depends on input data", r.NotCounted[0].Reason);
        Assert.Contains("ai.onnx.ml", r.NotCounted[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyAndOpsetlessModelsDoNotThrow()
    {
        var empty = GraphAnalyzer.Analyze(new ModelProto(), new AnalysisOptions());
        Assert.Contains("model has no graph", empty.Warnings);

        var model = new ModelProto { IrVersion = 8, Graph = new GraphProto() };
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal(0, r.Flops);
        Assert.Contains(r.Warnings, w => w.Contains("assuming opset", StringComparison.Ordinal));
    }
}
