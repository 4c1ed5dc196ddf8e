using EffNetBench.Core.Graph;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class ShapeComputationTests
{
    [Fact]
    public void PyTorchStyleFlattenResolvesReshape()
    {
        // x.view(x.size(0), -1): Shape -> Gather(0) -> Unsqueeze(0) -> Concat(.., [-1]) -> Reshape.
        // [N,4,2,2] -> [N,16] -> Gemm(16->10): MACs = N*10*16.
        var model = new TestModelBuilder(opset: 13)
            .Input("x", "batch", 4, 2, 2)
            .Weight("fc.w", [10, 16])
            .Weight("fc.b", [10])
            .Int64s("axes0", [0])
            .Node("Shape", "x", "shape", "shape")
            .Node("Constant", [], ["idx"], "const_idx", string.Empty, Attr("value", Int64Tensor("idx", [0], scalar: true)))
            .Node("Gather", ["shape", "idx"], ["n"], "gather", string.Empty, Attr("axis", 0L))
            .Node("Unsqueeze", ["n", "axes0"], ["n1"], "unsqueeze")
            .Node("Constant", [], ["minus1"], "const_m1", string.Empty, Attr("value", Int64Tensor("minus1", [-1])))
            .Node("Concat", ["n1", "minus1"], ["target"], "concat", string.Empty, Attr("axis", 0L))
            .Node("Reshape", ["x", "target"], ["flat"], "reshape")
            .Node("Gemm", ["flat", "fc.w", "fc.b"], ["y"], "fc", string.Empty, Attr("transB", 1L))
            .Output("y")
            .Build();

        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions(Batch: 3));
        Assert.Empty(r.NotCounted);
        var reshape = r.Nodes.Single(n => n.Name == "reshape");
        Assert.Equal<long>([3, 16], reshape.OutputShape);
        Assert.Equal(3 * 10 * 16, r.Macs);
        Assert.Equal<long?>([3, 10], r.Outputs[0].Dims);

        // Only fc.w (160) and fc.b (10): int64 shape constants are not params.
        Assert.Equal(170, r.Params);
    }

    [Fact]
    public void ReshapeZeroAndMinusOne()
    {
        // [2,3,4,5] with shape [0,-1,5]: keep 2, infer 12.
        var model = new TestModelBuilder()
            .Input("x", 2, 3, 4, 5)
            .Int64s("s", [0, -1, 5])
            .Node("Reshape", ["x", "s"], ["y"], "reshape")
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal<long>([2, 12, 5], r.Nodes[0].OutputShape);
    }

    [Fact]
    public void ShapeSliceReduceProdConcatFlatten()
    {
        // Shape[1:] -> ReduceProd -> Concat([batch], prod) -> Reshape: [N,2,3,4] -> [N,24].
        var model = new TestModelBuilder(opset: 18)
            .Input("x", "N", 2, 3, 4)
            .Int64s("starts", [1])
            .Int64s("ends", [long.MaxValue])
            .Int64s("zero", [0])
            .Int64s("one", [1])
            .Node("Shape", "x", "s", "shape")
            .Node("Slice", ["s", "starts", "ends"], ["tail"], "slice_tail")
            .Node("ReduceProd", ["tail"], ["prod"], "prod", string.Empty, Attr("keepdims", 1L))
            .Node("Slice", ["s", "zero", "one"], ["head"], "slice_head")
            .Node("Concat", ["head", "prod"], ["target"], "concat", string.Empty, Attr("axis", 0L))
            .Node("Reshape", ["x", "target"], ["y"], "reshape")
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions(Batch: 2));
        Assert.Empty(r.NotCounted);
        Assert.Equal<long?>([2, 24], r.Outputs[0].Dims);
    }

    [Fact]
    public void ArithmeticOnShapeValuesAndConstantOfShape()
    {
        // H = shape[2]; H * 2 -> ConstantOfShape([1, H*2]) -> float tensor [1, 16].
        var model = new TestModelBuilder()
            .Input("x", 1, 3, 8, 8)
            .Int64s("two", [2])
            .Int64s("i2", [2])
            .Int64s("lead", [1])
            .Node("Shape", "x", "s", "shape")
            .Node("Gather", ["s", "i2"], ["h"], "gather")
            .Node("Mul", ["h", "two"], ["h2"], "mul")
            .Node("Concat", ["lead", "h2"], ["dims"], "concat", string.Empty, Attr("axis", 0L))
            .Node("ConstantOfShape", "dims", "y", "fill")
            .Output("y")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal<long?>([1, 16], r.Outputs[0].Dims);
        Assert.Equal("float32", r.Outputs[0].ElementType);
    }

    [Fact]
    public void ResizeWithScalesAndWithSizes()
    {
        // Scales [1,1,2,2]: [1,4,8,8] -> [1,4,16,16] (1 FLOP per output = 1024).
        // Sizes from Shape: second Resize back to [1,4,8,8] (256).
        var model = new TestModelBuilder(opset: 13)
            .Input("x", 1, 4, 8, 8)
            .Floats("scales", 1, 1, 2, 2)
            .Node("Resize", ["x", string.Empty, "scales"], ["up"], "up", string.Empty, Attr("mode", "nearest"))
            .Node("Shape", "x", "sizes", "shape")
            .Node("Resize", ["up", string.Empty, string.Empty, "sizes"], ["down"], "down")
            .Output("down")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal<long>([1, 4, 16, 16], r.Nodes[0].OutputShape);
        Assert.Equal<long?>([1, 4, 8, 8], r.Outputs[0].Dims);
        Assert.Equal(1024 + 256, r.OtherFlops);

        // The float scales feed a non-weight slot: not params.
        Assert.Equal(0, r.Params);
    }

    [Fact]
    public void OldOpsetAttributesForSqueezeUnsqueezeReduceAndPad()
    {
        // Opset 10: axes and pads are attributes.
        var model = new TestModelBuilder(opset: 10)
            .Input("x", 1, 3, 4, 4)
            .Node("ReduceMean", "x", "m", "mean", Attr("axes", 2, 3), Attr("keepdims", 0L))
            .Node("Unsqueeze", "m", "u", "unsqueeze", Attr("axes", [-1L]))
            .Node("Squeeze", "u", "s", "squeeze", Attr("axes", [0L]))
            .Node("Pad", "x", "p", "pad", Attr("pads", 0, 0, 1, 2, 0, 0, 1, 2))
            .Output("s")
            .Output("p")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal<long>([1, 3], r.Nodes[0].OutputShape);
        Assert.Equal<long>([1, 3, 1], r.Nodes[1].OutputShape);
        Assert.Equal<long>([3, 1], r.Nodes[2].OutputShape);
        Assert.Equal<long>([1, 3, 6, 8], r.Nodes[3].OutputShape);

        // ReduceMean reads each input element once: 48.
        Assert.Equal(48, r.OtherFlops);
    }

    [Fact]
    public void ReduceAxesAsInputFromOpset18AndSplitSliceValues()
    {
        var model = new TestModelBuilder(opset: 18)
            .Input("x", 2, 6, 4)
            .Int64s("axes", [1])
            .Int64s("split", [2, 4])
            .Node("ReduceSum", ["x", "axes"], ["r"], "sum")
            .Node("Split", ["x", "split"], ["a", "b"], "split", string.Empty, Attr("axis", 1L))
            .Node("Softmax", "b", "sm", "softmax")
            .Output("r")
            .Output("a")
            .Output("sm")
            .Build();
        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        Assert.Equal<long>([2, 1, 4], r.Nodes[0].OutputShape);
        Assert.Equal<long?>([2, 2, 4], r.Outputs[1].Dims);
        Assert.Equal<long?>([2, 4, 4], r.Outputs[2].Dims);

        // ReduceSum 48 (input elements) + Softmax 3 * 32.
        Assert.Equal(48 + 96, r.OtherFlops);
    }
}
