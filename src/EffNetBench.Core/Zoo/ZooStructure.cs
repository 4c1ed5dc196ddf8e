using EffNetBench.Core.Graph;
using Onnx;

namespace EffNetBench.Core.Zoo;

/// <summary>A zoo model's BN-folded graph as structure only (initializers carry dims, no weights): enough to count it,
/// in a fraction of the time and memory of generating it. The batch dimension is symbolic.</summary>
public static class ZooStructure
{
    public static ModelProto Graph(EfficientNetArchitecture arch) =>
        EfficientNetOnnx.Build(arch, new ExportOptions(Batch: null, StructureOnly: true));

    /// <summary>The same with a fixed batch, for analysing the variant at a batch size: no symbolic dimension to resolve (or warn about).</summary>
    public static ModelProto Graph(EfficientNetArchitecture arch, int batch) =>
        EfficientNetOnnx.Build(arch, new ExportOptions(Batch: batch, StructureOnly: true));

    /// <param name="batch">Value of the symbolic batch dimension; 1 when null.</param>
    public static GraphAnalysis Analyze(EfficientNetArchitecture arch, long? batch = null) =>
        GraphAnalyzer.Analyze(Graph(arch), new AnalysisOptions(batch));
}
