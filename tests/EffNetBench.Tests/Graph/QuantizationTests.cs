using EffNetBench.Core.Graph;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class QuantizationTests
{
    [Fact]
    public void QLinearConvCostsLikeConvPlusRequantisation()
    {
        // Same geometry as the tiny CNN conv: MACs = 8*8*4*3*3*3 = 6912.
        // Other: (bias 1 + requantise 2) per output element = 3 * 256 = 768. FLOPs = 13824 + 768 = 14592.
        var model = new TestModelBuilder()
            .TypedInput("x", U8, 1, 3, 8, 8)
            .Scalar("x_scale", F32)
            .Scalar("x_zp", U8)
            .Weight("w", [4, 3, 3, 3], I8)
            .Weight("w_scale", [4])
            .Weight("w_zp", [4], I8)
            .Scalar("y_scale", F32)
            .Scalar("y_zp", U8)
            .Weight("b", [4], I32)
            .Node("QLinearConv", ["x", "x_scale", "x_zp", "w", "w_scale", "w_zp", "y_scale", "y_zp", "b"], ["y"], "qconv", string.Empty, Attr("pads", 1, 1, 1, 1))
            .Output("y", U8)
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal(6912, r.Macs);
        Assert.Equal(768, r.OtherFlops);
        Assert.Equal(14592, r.Flops);

        // Params: int8 weights 108 + int32 bias 4 = 112 (per-channel scales / zero points excluded).
        Assert.Equal(112, r.Params);

        // Bytes: 108 * 1 + 4 * 4 = 124.
        Assert.Equal(124, r.WeightBytes);
        Assert.Equal(6912, r.IntegerMacs);
        Assert.Equal("uint8", r.Outputs[0].ElementType);
        Assert.Equal(256, r.ActivationBytes); // uint8 output [1,4,8,8]
    }

    [Fact]
    public void QdqConvCostsQuantizeAndDequantize()
    {
        // x -> QuantizeLinear -> DequantizeLinear -> Conv(W = DequantizeLinear(int8 w)).
        // Q: 2*192 = 384, DQ(x): 384, DQ(w): 2*108 = 216 -> other 984; Conv MACs 6912 (no bias).
        var model = new TestModelBuilder()
            .Input("x", 1, 3, 8, 8)
            .Scalar("s", F32)
            .Scalar("zp", U8)
            .Weight("w_q", [4, 3, 3, 3], I8)
            .Weight("w_scale", [4])
            .Node("QuantizeLinear", ["x", "s", "zp"], ["xq"], "q")
            .Node("DequantizeLinear", ["xq", "s", "zp"], ["xdq"], "dq_x")
            .Node("DequantizeLinear", ["w_q", "w_scale"], ["w"], "dq_w", string.Empty, Attr("axis", 0L))
            .Node("Conv", ["xdq", "w"], ["y"], "conv", string.Empty, Attr("pads", 1, 1, 1, 1))
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal(6912, r.Macs);
        Assert.Equal(984, r.OtherFlops);
        Assert.Equal((2 * 6912) + 984, r.Flops);

        // Only the int8 weight, 1 byte each, attributed through its DequantizeLinear to the Conv that uses it.
        Assert.Equal(108, r.Params);
        Assert.Equal(108, r.WeightBytes);
        Assert.Equal(108, r.Nodes.Single(n => n.Name == "conv").Params);
        Assert.Equal(0, r.Nodes.Single(n => n.Name == "dq_w").Params);

        // Data and weights both dequantized from 8 bits: the Conv's MACs are integer MACs (counted once).
        Assert.Equal(6912, r.IntegerMacs);

        // Activations: xq 192 (uint8) + xdq 768 + w 432 + y 1024 = 2416.
        Assert.Equal(2416, r.ActivationBytes);
    }

    [Fact]
    public void Float16WeightsCountTwoBytesAndFloatMacsStayFloat()
    {
        // A float16 Conv: same params and MACs as in float32, 2 bytes per weight, no integer MACs.
        var model = new TestModelBuilder()
            .TypedInput("x", 10, 1, 3, 8, 8)
            .Weight("w", [4, 3, 3, 3], 10)
            .Node("Conv", ["x", "w"], ["y"], "conv", string.Empty, Attr("pads", 1, 1, 1, 1))
            .Output("y", 10)
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal(6912, r.Macs);
        Assert.Equal(0, r.IntegerMacs);
        Assert.Equal(108, r.Params);
        Assert.Equal(216, r.WeightBytes);
    }

    [Fact]
    public void MicrosoftQLinearAddIsCosted()
    {
        // 3 FLOPs (add + requantise) per output element: 3 * 64.
        var model = new TestModelBuilder()
            .Opset("com.microsoft", 1)
            .TypedInput("a", U8, 1, 4, 4, 4)
            .TypedInput("b", U8, 1, 4, 4, 4)
            .Scalar("s", F32)
            .Scalar("zp", U8)
            .Node("QLinearAdd", ["a", "s", "zp", "b", "s", "zp", "s", "zp"], ["y"], "qadd", "com.microsoft")
            .Output("y", U8)
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal(192, r.Flops);
        Assert.Equal("com.microsoft.QLinearAdd", r.Nodes[0].OpType);
    }

    [Fact]
    public void IntegerConvAndMatMul()
    {
        // ConvInteger: 6*6*2*3*9 = 1944 MACs; MatMulInteger [2,8]x[8,4]: 64 MACs.
        var model = new TestModelBuilder()
            .TypedInput("x", U8, 1, 3, 8, 8)
            .TypedInput("a", U8, 2, 8)
            .Weight("w", [2, 3, 3, 3], U8)
            .Weight("m", [8, 4], U8)
            .Node("ConvInteger", ["x", "w"], ["y"], "convint")
            .Node("MatMulInteger", ["a", "m"], ["z"], "mmint")
            .Output("y", I32)
            .Output("z", I32)
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal(1944 + 64, r.Macs);
        Assert.Equal("int32", r.Outputs[0].ElementType);
    }
}
