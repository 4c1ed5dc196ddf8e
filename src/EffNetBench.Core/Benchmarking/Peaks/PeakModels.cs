using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using static EffNetBench.Core.OnnxModels.OnnxGraphBuilder;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>The two one-node models the peaks are measured with: a square float MatMul (compute) and an element-wise
/// Add of two large float tensors (memory bandwidth). Both take graph inputs, so nothing is folded away.</summary>
internal static class PeakModels
{
    /// <summary>MatMul [n,n] x [n,n]: 2 n^3 FLOPs (n^3 multiply-adds).</summary>
    public static byte[] MatMul(int n)
    {
        var graph = new OnnxGraphBuilder("effnet_bench_peak_matmul");
        graph.Graph.Input.Add(FloatTensor("a", n, n));
        graph.Graph.Input.Add(FloatTensor("b", n, n));
        graph.Node("MatMul", "matmul", ["a", "b"], "c");
        graph.Graph.Output.Add(FloatTensor("c", n, n));
        return OnnxModelFile.Create(graph.Graph, 17).ToByteArray();
    }

    /// <summary>Add of two [elements] tensors into a third: 3 x 4 x elements bytes moved (two read, one written).</summary>
    public static byte[] Add(long elements)
    {
        var graph = new OnnxGraphBuilder("effnet_bench_peak_add");
        graph.Graph.Input.Add(FloatTensor("x", elements));
        graph.Graph.Input.Add(FloatTensor("y", elements));
        graph.Node("Add", "add", ["x", "y"], "z");
        graph.Graph.Output.Add(FloatTensor("z", elements));
        return OnnxModelFile.Create(graph.Graph, 17).ToByteArray();
    }
}
