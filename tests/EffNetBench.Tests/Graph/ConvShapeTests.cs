using EffNetBench.Core.Graph;
using Onnx;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class ConvShapeTests
{
    private static GraphAnalysis AnalyzeConv(long[] input, long[] weight, params AttributeProto[] attributes)
    {
        var model = new TestModelBuilder()
            .Input("x", input.Cast<object>().ToArray())
            .Weight("w", weight)
            .Node("Conv", ["x", "w"], ["y"], "conv", string.Empty, attributes)
            .Output("y")
            .Build();
        var result = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(result.NotCounted);
        return result;
    }

    [Fact]
    public void DepthwiseConvDividesChannelsByGroup()
    {
        // 32 groups of 1 channel: MACs = 16*16*32*(32/32)*3*3 = 73728.
        var r = AnalyzeConv([1, 32, 16, 16], [32, 1, 3, 3], Attr("group", 32L), Attr("pads", 1, 1, 1, 1));
        Assert.Equal(73728, r.Macs);
        Assert.Equal<long>([1, 32, 16, 16], r.Nodes[0].OutputShape);
        Assert.Equal(288, r.Params);
    }

    [Fact]
    public void StrideTwoWithPads()
    {
        // H_out = floor((224 + 1 + 1 - 3) / 2) + 1 = 112. MACs = 112*112*16*3*3*3 = 5419008.
        var r = AnalyzeConv([1, 3, 224, 224], [16, 3, 3, 3], Attr("strides", 2, 2), Attr("pads", 1, 1, 1, 1));
        Assert.Equal<long>([1, 16, 112, 112], r.Nodes[0].OutputShape);
        Assert.Equal(5419008, r.Macs);
        Assert.Equal(2 * 5419008, r.Flops); // no bias
    }

    [Fact]
    public void SameUpperAutoPad()
    {
        // SAME_UPPER: H_out = ceil(15 / 2) = 8. MACs = 8*8*8*8*3*3 = 36864.
        var r = AnalyzeConv([1, 8, 15, 15], [8, 8, 3, 3], Attr("strides", 2, 2), Attr("auto_pad", "SAME_UPPER"));
        Assert.Equal<long>([1, 8, 8, 8], r.Nodes[0].OutputShape);
        Assert.Equal(36864, r.Macs);
    }

    [Fact]
    public void ValidAutoPadAndDilation()
    {
        // VALID, dilation 2: effective kernel 5, H_out = 16 - 5 + 1 = 12. MACs = 12*12*2*4*9 = 10368.
        var r = AnalyzeConv([1, 4, 16, 16], [2, 4, 3, 3], Attr("auto_pad", "VALID"), Attr("dilations", 2, 2));
        Assert.Equal<long>([1, 2, 12, 12], r.Nodes[0].OutputShape);
        Assert.Equal(10368, r.Macs);
    }

    [Fact]
    public void OneDimensionalAndThreeDimensionalConv()
    {
        // 1-D: L_out = 100 - 5 + 1 = 96, MACs = 96*8*4*5 = 15360.
        Assert.Equal(15360, AnalyzeConv([1, 4, 100], [8, 4, 5]).Macs);

        // 3-D: out 4x6x6, MACs = 4*6*6*2*3*(3*3*3) = 23328.
        Assert.Equal(23328, AnalyzeConv([1, 3, 6, 8, 8], [2, 3, 3, 3, 3]).Macs);
    }

    [Fact]
    public void ConvTransposeUpsamples()
    {
        // H_out = 2*(8-1) + 0 + (4-1)*1 + 1 - 1 - 1 = 16; C_out = 2.
        // MACs = N*C_in*H_in*W_in*(C_out/group)*k = 1*4*8*8*2*4*4 = 8192; bias 1*2*16*16 = 512.
        var model = new TestModelBuilder()
            .Input("x", 1, 4, 8, 8)
            .Weight("w", [4, 2, 4, 4])
            .Weight("b", [2])
            .Node("ConvTranspose", ["x", "w", "b"], ["y"], "deconv", string.Empty, Attr("strides", 2, 2), Attr("pads", 1, 1, 1, 1))
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal<long>([1, 2, 16, 16], r.Nodes[0].OutputShape);
        Assert.Equal(8192, r.Macs);
        Assert.Equal((2 * 8192) + 512, r.Flops);
    }

    [Theory]
    [InlineData(0, 2)] // floor((6 - 3) / 2) + 1 = 2
    [InlineData(1, 3)] // ceil((6 - 3) / 2) + 1 = 3
    public void MaxPoolCeilMode(long ceilMode, long expected)
    {
        var model = new TestModelBuilder()
            .Input("x", 1, 1, 6, 6)
            .Node("MaxPool", "x", "y", "pool", Attr("kernel_shape", 3, 3), Attr("strides", 2, 2), Attr("ceil_mode", ceilMode))
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal<long>([1, 1, expected, expected], r.Nodes[0].OutputShape);

        // Kernel size (9) per output element.
        Assert.Equal(9 * expected * expected, r.OtherFlops);
    }

    [Fact]
    public void AveragePoolWithPadsAndSameLower()
    {
        // pads 1: floor((7 + 2 - 3) / 2) + 1 = 4; SAME_LOWER: ceil(7 / 2) = 4.
        var model = new TestModelBuilder()
            .Input("x", 1, 2, 7, 7)
            .Node("AveragePool", "x", "p1", "pool1", Attr("kernel_shape", 3, 3), Attr("strides", 2, 2), Attr("pads", 1, 1, 1, 1))
            .Node("MaxPool", "x", "p2", "pool2", Attr("kernel_shape", 3, 3), Attr("strides", 2, 2), Attr("auto_pad", "SAME_LOWER"))
            .Output("p1")
            .Output("p2")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal<long>([1, 2, 4, 4], r.Nodes[0].OutputShape);
        Assert.Equal<long>([1, 2, 4, 4], r.Nodes[1].OutputShape);
        Assert.Equal(2 * 32 * 9, r.OtherFlops);
    }
}
