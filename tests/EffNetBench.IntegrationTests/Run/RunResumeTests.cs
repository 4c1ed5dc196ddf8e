using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Cli;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>`run --resume` of folders that cannot be resumed or have nothing left to measure.</summary>
[Collection(RunCollection.Name)]
public sealed class RunResumeTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Resuming_a_folder_without_run_json_fails_with_one_line()
    {
        Directory.CreateDirectory(_work.Out);
        File.WriteAllText(Path.Combine(_work.Out, ResultsStore.CasesFileName), string.Empty); // a stray file belongs to no run

        (int code, string output, string error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains($"'{_work.Out}' has no run.json", error);
        Assert.Equal([ResultsStore.CasesFileName], Directory.GetFileSystemEntries(_work.Out).Select(Path.GetFileName));
    }

    [Fact]
    public void Resuming_a_missing_folder_fails_with_one_line_and_creates_nothing()
    {
        (int code, string output, string error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains("does not exist", error);
        Assert.False(Directory.Exists(_work.Out));
    }

}
