using EffNetBench.Core.Results;

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
        // input float [1,3,100000,100000] -> GlobalAveragePool -> [1,3,1,1]: a tiny graph, a 112 GiB input.
        string huge = _work.SingleNodeModel("huge", "GlobalAveragePool", [1, 3, 100_000, 100_000], [1, 3, 1, 1], input: "input", output: "pooled");
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
}
