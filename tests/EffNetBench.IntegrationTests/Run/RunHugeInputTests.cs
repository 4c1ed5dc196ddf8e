using EffNetBench.Core.Results;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>A model whose input cannot fit in memory fails its case with the estimate, before anything is allocated.</summary>
[Collection(RunCollection.Name)]
public sealed class RunHugeInputTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void An_input_too_large_for_memory_is_a_failed_case_with_bytes_needed_and_available()
    {
        string huge = HugeInputModel(Path.Combine(_work.Root, "huge.onnx"));
        string tiny = _work.TinyModel("tiny");

        (int code, string output, string error) = _work.Run("--model", $"{huge},{tiny}");

        Assert.True(code == 1, $"exit {code}: {error}\n{output}");
        Assert.DoesNotContain("bad_alloc", error + output, StringComparison.Ordinal);
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        CaseResult failed = Assert.Single(results.Cases, c => c.Model.Name == "huge");
        Assert.Equal(CaseStatus.Failed, failed.Status);
        Assert.Matches(@"^TensorTooLargeException: input 'input' of shape 1x3x100000x100000 \(float\) needs 111\.8 GiB, and [0-9.]+ [GM]iB of memory is available: use a model with a smaller input", failed.Reason);
        Assert.Equal(CaseStatus.Ok, Assert.Single(results.Cases, c => c.Model.Name == "tiny").Status); // the run went on
    }

    /// <summary>input float [1,3,100000,100000] -> GlobalAveragePool -> output [1,3,1,1]: a tiny graph, a 112 GiB input.</summary>
    private static string HugeInputModel(string path)
    {
        var graph = new GraphProto { Name = "huge" };
        graph.Input.Add(RunWorkspace.FloatTensor("input", 1, 3, 100_000, 100_000));
        graph.Output.Add(RunWorkspace.FloatTensor("pooled", 1, 3, 1, 1));
        var node = new NodeProto { Name = "pool", OpType = "GlobalAveragePool" };
        node.Input.Add("input");
        node.Output.Add("pooled");
        graph.Node.Add(node);
        var model = new ModelProto { IrVersion = 8, ProducerName = "effnet-bench-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }
}
