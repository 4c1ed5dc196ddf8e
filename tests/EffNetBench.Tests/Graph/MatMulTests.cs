using EffNetBench.Core.Graph;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class MatMulTests
{
    private static GraphAnalysis Analyze(TestModelBuilder builder) => GraphAnalyzer.Analyze(builder.Build(), new AnalysisOptions());

    [Fact]
    public void BatchedMatMulBroadcastsBatchDims()
    {
        // [2,1,4,8] x [3,8,5] -> batch broadcast [2,3] -> [2,3,4,5]; MACs = 2*3*4*5*8 = 960.
        var r = Analyze(new TestModelBuilder()
            .Input("a", 2, 1, 4, 8)
            .Input("b", 3, 8, 5)
            .Node("MatMul", ["a", "b"], ["y"], "mm")
            .Output("y"));
        Assert.Equal<long>([2, 3, 4, 5], r.Nodes[0].OutputShape);
        Assert.Equal(960, r.Macs);
        Assert.Equal(1920, r.Flops);
    }

    [Fact]
    public void MatMulWithVectorOperands()
    {
        // [8] x [8,5] -> [5], MACs 40; [2,3,8] x [8] -> [2,3], MACs 48.
        var r = Analyze(new TestModelBuilder()
            .Input("v", 8)
            .Input("m", 2, 3, 8)
            .Weight("w", [8, 5])
            .Weight("u", [8])
            .Node("MatMul", ["v", "w"], ["y1"], "vm")
            .Node("MatMul", ["m", "u"], ["y2"], "mv")
            .Output("y1")
            .Output("y2"));
        Assert.Equal<long>([5], r.Nodes[0].OutputShape);
        Assert.Equal<long>([2, 3], r.Nodes[1].OutputShape);
        Assert.Equal(40 + 48, r.Macs);
        Assert.Equal(48, r.Params);
    }

    [Fact]
    public void GemmTransBWithBias()
    {
        // A [2,16], B [32,16] transB -> [2,32]; MACs = 2*32*16 = 1024; bias 64; FLOPs 2112.
        var r = Analyze(new TestModelBuilder()
            .Input("a", 2, 16)
            .Weight("b", [32, 16])
            .Weight("c", [32])
            .Node("Gemm", ["a", "b", "c"], ["y"], "gemm", string.Empty, Attr("transB", 1L))
            .Output("y"));
        Assert.Equal<long>([2, 32], r.Nodes[0].OutputShape);
        Assert.Equal(1024, r.Macs);
        Assert.Equal(2112, r.Flops);
        Assert.Equal(544, r.Params);
    }

    [Fact]
    public void GemmTransAWithoutBias()
    {
        // A [16,2] transA -> M=2, K=16; B [16,32] -> [2,32]; MACs 1024, no bias.
        var r = Analyze(new TestModelBuilder()
            .Input("a", 16, 2)
            .Weight("b", [16, 32])
            .Node("Gemm", ["a", "b"], ["y"], "gemm", string.Empty, Attr("transA", 1L))
            .Output("y"));
        Assert.Equal(1024, r.Macs);
        Assert.Equal(2048, r.Flops);
    }

    [Fact]
    public void MismatchedInnerDimensionIsNotCounted()
    {
        var r = Analyze(new TestModelBuilder()
            .Input("a", 2, 16)
            .Weight("b", [15, 4])
            .Node("MatMul", ["a", "b"], ["y"], "mm")
            .Output("y"));
        Assert.Contains("inner dimensions", Assert.Single(r.NotCounted).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EinsumContraction()
    {
        // "bij,bjk->bik" with b=2,i=3,j=4,k=5: MACs = 2*3*4*5 = 120.
        var r = Analyze(new TestModelBuilder()
            .Input("a", 2, 3, 4)
            .Input("b", 2, 4, 5)
            .Node("Einsum", ["a", "b"], ["y"], "einsum", string.Empty, Attr("equation", "bij,bjk->bik"))
            .Output("y"));
        Assert.Equal<long>([2, 3, 5], r.Nodes[0].OutputShape);
        Assert.Equal(120, r.Macs);
    }
}
