using EffNetBench.Core.Graph;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class BatchAndLayoutTests
{
    [Fact]
    public void SymbolicBatchDefaultsToOne()
    {
        var r = GraphAnalyzer.Analyze(TestModels.TinyCnn("N"), new AnalysisOptions());
        Assert.Equal(6952, r.Macs);
        Assert.Equal<long?>([1, 3, 8, 8], r.Inputs[0].Dims);
    }

    [Fact]
    public void SymbolicBatchScalesWithOption()
    {
        var r = GraphAnalyzer.Analyze(TestModels.TinyCnn("N"), new AnalysisOptions(Batch: 8));

        // 8 * 6952 MACs, 8 * 15194 FLOPs; params do not change.
        Assert.Equal(55616, r.Macs);
        Assert.Equal(8 * 15194, r.Flops);
        Assert.Equal(178, r.Params);
        Assert.Equal(8 * 3144, r.ActivationBytes);
        Assert.Equal<long?>([8, 3, 8, 8], r.Inputs[0].Dims);
        Assert.Equal<long?>([8, 10], r.Outputs[0].Dims);
        Assert.Empty(r.NotCounted);
        Assert.Contains(r.Warnings, w => w.Contains("'N'", StringComparison.Ordinal) && w.Contains('8'));
    }

    [Fact]
    public void FixedBatchIgnoresOptionWithWarning()
    {
        var r = GraphAnalyzer.Analyze(TestModels.TinyCnn(1), new AnalysisOptions(Batch: 8));
        Assert.Equal(6952, r.Macs);
        Assert.Contains(r.Warnings, w => w.Contains("no input has a symbolic first dimension", StringComparison.Ordinal));
    }

    [Fact]
    public void NonPositiveBatchIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphAnalyzer.Analyze(TestModels.TinyCnn("N"), new AnalysisOptions(Batch: 0)));
    }

    [Fact]
    public void NhwcInputTransposedToNchw()
    {
        // Transpose(0,3,1,2): [1,224,224,3] -> [1,3,224,224]; Conv 3->8, k3, s2, pads 1 -> 112x112.
        // MACs = 112*112*8*3*3*3 = 2709504.
        var model = new TestModelBuilder()
            .Input("image", 1, 224, 224, 3)
            .Weight("w", [8, 3, 3, 3])
            .Node("Transpose", "image", "nchw", "to_nchw", Attr("perm", 0, 3, 1, 2))
            .Node("Conv", ["nchw", "w"], ["y"], "conv", string.Empty, Attr("strides", 2, 2), Attr("pads", 1, 1, 1, 1))
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal("NHWC", r.Inputs[0].Layout);
        Assert.Equal<long>([1, 3, 224, 224], r.Nodes[0].OutputShape);
        Assert.Equal<long>([1, 8, 112, 112], r.Nodes[1].OutputShape);
        Assert.Equal(2709504, r.Macs);
        Assert.Equal(0, r.Nodes[0].Flops);
    }

    [Theory]
    [InlineData(3, 224, 224, "NCHW")]
    [InlineData(224, 224, 3, "NHWC")]
    [InlineData(224, 224, 1, "NHWC")]
    [InlineData(1, 28, 28, "NCHW")]
    [InlineData(64, 56, 56, null)]
    public void LayoutGuess(int d1, int d2, int d3, string? expected)
    {
        var model = new TestModelBuilder().Input("x", "N", d1, d2, d3).Node("Relu", "x", "y").Output("y").Build();
        Assert.Equal(expected, GraphAnalyzer.Analyze(model, new AnalysisOptions()).Inputs[0].Layout);
    }
}
