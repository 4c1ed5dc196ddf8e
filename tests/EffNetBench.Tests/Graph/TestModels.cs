using Onnx;
using static EffNetBench.Tests.Graph.TestModelBuilder;

namespace EffNetBench.Tests.Graph;

/// <summary>Reusable test graphs.</summary>
internal static class TestModels
{
    /// <summary>
    /// x[batch,3,8,8] -> Conv(3->4, k3, s1, pads 1, bias) -> BatchNormalization -> Relu
    /// -> GlobalAveragePool -> Flatten -> Gemm(4->10, transB, bias) -> y[batch,10].
    /// </summary>
    public static ModelProto TinyCnn(object batchDim, bool withData = false) =>
        new TestModelBuilder()
            .Input("x", batchDim, 3, 8, 8)
            .Weight("conv.w", [4, 3, 3, 3], withData: withData)
            .Weight("conv.b", [4], withData: withData)
            .Weight("bn.scale", [4], withData: withData)
            .Weight("bn.bias", [4], withData: withData)
            .Weight("bn.mean", [4], withData: withData)
            .Weight("bn.var", [4], withData: withData)
            .Weight("fc.w", [10, 4], withData: withData)
            .Weight("fc.b", [10], withData: withData)
            .Node("Conv", ["x", "conv.w", "conv.b"], ["c1"], "conv1", string.Empty, Attr("kernel_shape", 3, 3), Attr("pads", 1, 1, 1, 1))
            .Node("BatchNormalization", ["c1", "bn.scale", "bn.bias", "bn.mean", "bn.var"], ["b1"], "bn1")
            .Node("Relu", "b1", "r1", "relu1")
            .Node("GlobalAveragePool", "r1", "g1", "gap")
            .Node("Flatten", "g1", "f1", "flatten")
            .Node("Gemm", ["f1", "fc.w", "fc.b"], ["y"], "fc", string.Empty, Attr("transB", 1L))
            .Output("y")
            .Build();
}
