using EffNetBench.Core.Graph;

namespace EffNetBench.Tests.Graph;

public sealed class TinyCnnAnalysisTests
{
    private static readonly GraphAnalysis Result = GraphAnalyzer.Analyze(TestModels.TinyCnn(1), new AnalysisOptions());

    [Fact]
    public void EveryNodeIsCosted()
    {
        Assert.Empty(Result.NotCounted);
        Assert.True(Result.IsComplete);
        Assert.Equal(6, Result.NodeCount);
        Assert.Equal(["conv1", "bn1", "relu1", "gap", "flatten", "fc"], Result.Nodes.Select(n => n.Name));
        Assert.Equal(17, Result.Opset);
    }

    [Fact]
    public void ParamsAndWeightBytes()
    {
        // conv.w 4*3*3*3 = 108, conv.b 4, BN 4 tensors * 4 = 16, fc.w 10*4 = 40, fc.b 10 -> 178.
        Assert.Equal(178, Result.Params);

        // All float32: 178 * 4 = 712 bytes (from dims; the initializers carry no payload).
        Assert.Equal(712, Result.WeightBytes);
    }

    [Fact]
    public void MacsAndFlops()
    {
        // Conv: N*H_out*W_out*C_out*(C_in/group)*k_h*k_w = 1*8*8*4*3*3*3 = 6912. Gemm: 1*10*4 = 40.
        Assert.Equal(6952, Result.Macs);

        // Other: conv bias 256 + BN 2*256 + Relu 256 + GAP 256 (input elements) + Flatten 0 + Gemm bias 10 = 1290.
        Assert.Equal(1290, Result.OtherFlops);

        // FLOPs = 2*6952 + 1290.
        Assert.Equal(15194, Result.Flops);
    }

    [Fact]
    public void ActivationMemory()
    {
        // Node outputs (float32): conv 256*4 + bn 1024 + relu 1024 + gap 4*4 + flatten 16 + gemm 10*4 = 3144.
        Assert.Equal(3144, Result.ActivationBytes);

        // Peak at bn1 or relu1: input 1024 + output 1024 = 2048 (conv1 needs x 768 + c1 1024 = 1792).
        Assert.Equal(2048, Result.PeakActivationBytes);
    }

    [Fact]
    public void InputsAndOutputs()
    {
        var input = Assert.Single(Result.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal("float32", input.ElementType);
        Assert.Equal<long?>([1, 3, 8, 8], input.Dims);
        Assert.Equal("NCHW", input.Layout);

        var output = Assert.Single(Result.Outputs);
        Assert.Equal("y", output.Name);
        Assert.Equal<long?>([1, 10], output.Dims);
        Assert.Equal<long>([1, 10], Result.Nodes[^1].OutputShape);
    }

    [Fact]
    public void PerOpBreakdown()
    {
        var byOp = Result.ByOp.ToDictionary(o => o.OpType);
        Assert.Equal(new OpTypeSummary("Conv", 1, 6912, (2 * 6912) + 256, 112, 256), byOp["Conv"]);
        Assert.Equal(new OpTypeSummary("BatchNormalization", 1, 0, 512, 16, 256), byOp["BatchNormalization"]);
        Assert.Equal(new OpTypeSummary("Relu", 1, 0, 256, 0, 256), byOp["Relu"]);
        Assert.Equal(new OpTypeSummary("GlobalAveragePool", 1, 0, 256, 0, 4), byOp["GlobalAveragePool"]);
        Assert.Equal(new OpTypeSummary("Flatten", 1, 0, 0, 0, 4), byOp["Flatten"]);
        Assert.Equal(new OpTypeSummary("Gemm", 1, 40, 90, 50, 10), byOp["Gemm"]);

        // Sorted by FLOPs, largest first.
        Assert.Equal("Conv", Result.ByOp[0].OpType);
        Assert.Equal(Result.Flops, Result.ByOp.Sum(o => o.Flops));
        Assert.Equal(Result.Params, Result.Nodes.Sum(n => n.Params));
    }

    [Fact]
    public void FlopsDefinitionIsPublished()
    {
        Assert.Contains("FLOPs = 2*MACs + OtherFlops", GraphAnalyzer.FlopsDefinition, StringComparison.Ordinal);
    }
}
