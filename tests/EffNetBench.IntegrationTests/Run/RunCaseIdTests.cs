using EffNetBench.Core.Results;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>Case ids are how --resume matches finished cases, so two planned cases must never share one.</summary>
[Collection(RunCollection.Name)]
public sealed class RunCaseIdTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    /// <summary>Either refused up front as bad usage, or run with distinct ids; never an internal error after measuring.</summary>
    [Theory]
    [InlineData("same-name")]
    [InlineData("repeated-batch")]
    public void Cases_that_would_share_an_id_are_refused_or_told_apart(string kind)
    {
        string[] args;
        if (kind == "same-name")
        {
            // Two different files called model.onnx in two folders.
            Directory.CreateDirectory(Path.Combine(_work.Root, "a"));
            Directory.CreateDirectory(Path.Combine(_work.Root, "b"));
            string a = _work.TinyModel(Path.Combine("a", "model"));
            string b = _work.TinyModel(Path.Combine("b", "model"), width: 0.3);
            args = ["--model", a, "--model", b];
        }
        else
        {
            args = ["--model", _work.TinyModel("tiny"), "--batch", "1,1"];
        }

        (int code, string output, string error) = _work.Run(args);

        Assert.DoesNotContain("internal error", error);
        if (code == 0)
        {
            BenchmarkResults results = ResultsStore.Load(_work.Out);
            Assert.Equal(results.Cases.Length, results.Cases.Select(c => c.Id).Distinct().Count());
            Assert.Equal(results.Cases.Length, Directory.GetDirectories(Path.Combine(_work.Out, "bdn")).Length);
        }
        else
        {
            Assert.True(code == 2, $"exit {code}: {error}");
            RunAssert.OneLineError(output, error);
            RunAssert.NothingWritten(_work.Out);
        }
    }
}
