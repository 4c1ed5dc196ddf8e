using EffNetBench.Core.Graph;
using Onnx;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

public sealed class OpRuleTests
{
    private static GraphAnalysis Analyze(TestModelBuilder builder)
    {
        var r = GraphAnalyzer.Analyze(builder.Build(), new AnalysisOptions());
        Assert.Empty(r.NotCounted);
        return r;
    }

    [Fact]
    public void DropoutMaskIdentityAndCastAreFreeDataMovement()
    {
        var r = Analyze(new TestModelBuilder()
            .Input("x", 2, 5)
            .Node("Dropout", ["x"], ["d", "mask"], "dropout")
            .Node("Identity", "d", "i", "identity")
            .Node("Cast", "i", "y", "cast", Attr("to", (long)I64))
            .Output("y", I64)
            .Output("mask", 9));
        Assert.Equal(0, r.Flops);
        Assert.Equal(["dropout", "identity", "cast"], r.Nodes.Select(n => n.Name));
        Assert.Equal<long?>([2, 5], r.Outputs[1].Dims);
        Assert.Equal("bool", r.Outputs[1].ElementType);

        // d 40 + mask 10 (bool) + i 40 + y 80 (int64) = 170.
        Assert.Equal(170, r.ActivationBytes);
    }

    [Fact]
    public void TopKArgMaxAndSoftmax()
    {
        // Each reads its input once (1 per element): TopK 2*100, ArgMax 2*100; Softmax 3 per element.
        var r = Analyze(new TestModelBuilder()
            .Input("x", 2, 100)
            .Int64s("k", [5])
            .Node("TopK", ["x", "k"], ["values", "indices"], "topk")
            .Node("ArgMax", "x", "am", "argmax", Attr("axis", 1L), Attr("keepdims", 0L))
            .Node("Softmax", "x", "sm", "softmax", Attr("axis", -1L))
            .Output("values")
            .Output("indices", I64)
            .Output("am", I64)
            .Output("sm"));
        Assert.Equal<long?>([2, 5], r.Outputs[0].Dims);
        Assert.Equal("int64", r.Outputs[1].ElementType);
        Assert.Equal<long?>([2], r.Outputs[2].Dims);
        Assert.Equal(200 + 200 + 600, r.OtherFlops);
    }

    [Fact]
    public void WhereEqualOnShapeValuesFeedsReshape()
    {
        // PyTorch reshape(-1 handling): target = Where(Equal(req, 0), Shape(x), req) with req = [0, 12].
        var r = Analyze(new TestModelBuilder()
            .Input("x", 2, 3, 4)
            .Int64s("req", [0, 12])
            .Int64s("zero", [0])
            .Node("Shape", "x", "s", "shape", Attr("end", 2L))
            .Node("Equal", ["req", "zero"], ["is0"], "equal")
            .Node("Where", ["is0", "s", "req"], ["target"], "where")
            .Node("Reshape", ["x", "target"], ["y"], "reshape")
            .Output("y"));
        Assert.Equal<long?>([2, 12], r.Outputs[0].Dims);
    }

    [Theory]
    [InlineData("Div", new long[] { 9, 7 }, new long[] { 2, 2 })] // integer division truncates: [4, 3]
    [InlineData("Mod", new long[] { 14, 13 }, new long[] { 5, 5 })]
    [InlineData("Max", new long[] { 4, 1 }, new long[] { 2, 3 })]
    [InlineData("Sub", new long[] { 6, 5 }, new long[] { 2, 2 })]
    [InlineData("Mul", new long[] { 2, 3 }, new long[] { 2, 1 })]
    public void IntegerShapeArithmeticIsFoldedIntoAReshapeTarget(string op, long[] a, long[] b)
    {
        var r = Analyze(new TestModelBuilder()
            .Input("x", 12)
            .Int64s("a", a)
            .Int64s("b", b)
            .Node(op, ["a", "b"], ["target"], "op")
            .Node("Reshape", ["x", "target"], ["y"], "reshape")
            .Output("y"));
        Assert.Equal<long?>([4, 3], r.Outputs[0].Dims);
    }

    [Fact]
    public void RealPowIsFoldedAndCastToAShape()
    {
        var r = Analyze(new TestModelBuilder()
            .Input("x", 12)
            .Floats("base", 2f, 3f)
            .Floats("exponent", 2f, 1f)
            .Node("Pow", ["base", "exponent"], ["p"], "pow")
            .Node("Cast", "p", "target", "cast", Attr("to", 7L))
            .Node("Reshape", ["x", "target"], ["y"], "reshape")
            .Output("y"));
        Assert.Equal<long?>([4, 3], r.Outputs[0].Dims);
    }

    [Fact]
    public void AnIntegerDivisionByZeroIsNotFolded()
    {
        var r = GraphAnalyzer.Analyze(new TestModelBuilder()
            .Input("x", 12)
            .Int64s("a", [8, 3])
            .Int64s("b", [2, 0])
            .Node("Div", ["a", "b"], ["target"], "op")
            .Node("Reshape", ["x", "target"], ["y"], "reshape")
            .Output("y").Build(), new AnalysisOptions());

        // 3 / 0 has no value: the target is unknown and the Reshape is listed as not counted, never given a made-up shape.
        NotCountedNode reshape = Assert.Single(r.NotCounted);
        Assert.Equal("reshape", reshape.NodeName);
        Assert.Contains("not statically known", reshape.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpandTileAndDepthToSpace()
    {
        var r = Analyze(new TestModelBuilder()
            .Input("x", 1, 8, 4, 4)
            .Int64s("shape", [2, 1, 1, 1])
            .Int64s("reps", [1, 1, 2, 3])
            .Node("Expand", ["x", "shape"], ["e"], "expand")
            .Node("Tile", ["e", "reps"], ["t"], "tile")
            .Node("DepthToSpace", "t", "y", "d2s", Attr("blocksize", 2L))
            .Output("y"));
        Assert.Equal<long>([2, 8, 4, 4], r.Nodes[0].OutputShape);
        Assert.Equal<long>([2, 8, 8, 12], r.Nodes[1].OutputShape);
        Assert.Equal<long?>([2, 2, 16, 24], r.Outputs[0].Dims);
        Assert.Equal(0, r.Flops);
    }

    [Fact]
    public void UpsampleOpset9AndPadOpset18WithAxes()
    {
        var r = Analyze(new TestModelBuilder(opset: 9)
            .Input("x", 1, 2, 3, 3)
            .Floats("scales", 1, 1, 2, 2)
            .Node("Upsample", ["x", "scales"], ["y"], "up")
            .Output("y"));
        Assert.Equal<long?>([1, 2, 6, 6], r.Outputs[0].Dims);
        Assert.Equal(72, r.OtherFlops);

        var p = Analyze(new TestModelBuilder(opset: 18)
            .Input("x", 1, 2, 3, 3)
            .Int64s("pads", [1, 1, 2, 2])
            .Int64s("axes", [-2, -1])
            .Node("Pad", ["x", "pads", string.Empty, "axes"], ["y"], "pad")
            .Output("y"));
        Assert.Equal<long?>([1, 2, 6, 6], p.Outputs[0].Dims);
    }

    [Fact]
    public void LayerNormalizationAndVariadicOps()
    {
        // LayerNorm 7 per element (2*4*8 = 64 -> 448); Sum of 3 inputs 2 per element (128); Mean of 2: 2 per element (128).
        var r = Analyze(new TestModelBuilder()
            .Input("x", 2, 4, 8)
            .Weight("gamma", [8])
            .Weight("beta", [8])
            .Node("LayerNormalization", ["x", "gamma", "beta"], ["ln"], "ln", string.Empty, Attr("axis", -1L))
            .Node("Sum", ["x", "ln", "x"], ["s"], "sum")
            .Node("Mean", ["s", "x"], ["y"], "mean")
            .Output("y"));
        Assert.Equal(448 + 128 + 128, r.OtherFlops);
        Assert.Equal(16, r.Params);
    }

    [Fact]
    public void QLinearMatMulCostsMatMulPlusRequantisation()
    {
        // [1,4,16] x [16,8]: MACs 4*8*16 = 512; requantise 2*32 = 64.
        var r = Analyze(new TestModelBuilder()
            .TypedInput("a", U8, 1, 4, 16)
            .Scalar("s", F32)
            .Scalar("zp", U8)
            .Weight("b", [16, 8], U8)
            .Node("QLinearMatMul", ["a", "s", "zp", "b", "s", "zp", "s", "zp"], ["y"], "qmm")
            .Output("y", U8));
        Assert.Equal(512, r.Macs);
        Assert.Equal(1024 + 64, r.Flops);
        Assert.Equal(128, r.Params);
        Assert.Equal(128, r.WeightBytes);
    }

    [Fact]
    public void ConvTransposeOutputShapeAttributeAndSameUpper()
    {
        var r = Analyze(new TestModelBuilder()
            .Input("x", 1, 4, 5, 5)
            .Weight("w", [4, 3, 3, 3])
            .Node("ConvTranspose", ["x", "w"], ["a"], "explicit", string.Empty, Attr("strides", 2, 2), Attr("output_shape", 10, 10))
            .Node("ConvTranspose", ["x", "w"], ["b"], "same", string.Empty, Attr("strides", 2, 2), Attr("auto_pad", "SAME_UPPER"))
            .Output("a")
            .Output("b"));
        Assert.Equal<long?>([1, 3, 10, 10], r.Outputs[0].Dims);
        Assert.Equal<long?>([1, 3, 10, 10], r.Outputs[1].Dims);

        // Each: 1*4*5*5*3*3*3 = 2700 MACs.
        Assert.Equal(5400, r.Macs);
    }

    [Fact]
    public void WeightsAreSizedFromDimsEvenWhenStoredExternally()
    {
        // A 5000x15000 float weight "stored" externally: 75M params, 300 MB, no payload needed.
        var builder = new TestModelBuilder()
            .Input("x", 1, 5000)
            .Weight("w", [5000, 15000])
            .Node("MatMul", ["x", "w"], ["y"], "mm")
            .Output("y");
        var model = builder.Build();
        var w = model.Graph.Initializer[0];
        w.DataLocation = TensorProto.Types.DataLocation.External;
        w.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });

        var r = GraphAnalyzer.Analyze(model, new AnalysisOptions());
        Assert.Equal(75_000_000, r.Params);
        Assert.Equal(300_000_000, r.WeightBytes);
        Assert.Equal(75_000_000, r.Macs);
    }

    [Fact]
    public void ScalarConstantsAreNotParams()
    {
        // HardSwish decomposition x * Clip(x + 3, 0, 6) / 6: scalar constants do not count.
        var r = Analyze(new TestModelBuilder()
            .Input("x", 1, 10)
            .Scalar("three", F32)
            .Scalar("six", F32)
            .Scalar("zero", F32)
            .Node("Add", ["x", "three"], ["a"], "add")
            .Node("Clip", ["a", "zero", "six"], ["c"], "clip")
            .Node("Mul", ["x", "c"], ["m"], "mul")
            .Node("Div", ["m", "six"], ["y"], "div")
            .Output("y"));
        Assert.Equal(0, r.Params);
        Assert.Equal(40, r.OtherFlops);
    }
}
