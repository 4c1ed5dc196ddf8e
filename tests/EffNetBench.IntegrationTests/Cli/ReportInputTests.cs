using EffNetBench.Core.Results;

namespace EffNetBench.IntegrationTests.Cli;

/// <summary>`report` on run folders that are not complete runs: an interrupted one is reported with a warning; a folder
/// that is no run says what it lacks, without suggesting a --resume that would fail.</summary>
public sealed class ReportInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("effnet-bench-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_interrupted_run_is_reported_from_its_finished_cases_with_a_one_line_warning()
    {
        BenchmarkResults committed = ResultsStore.Load(CommittedRun());
        string run = Path.Combine(_dir, "interrupted");
        ResultsStore store = ResultsStore.Create(run, new RunHeader(committed.Tool, committed.Run with { FinishedUtc = null }, committed.Environment, committed.Settings));
        store.Append(committed.Cases[0]);
        store.Append(committed.Cases[1]);

        (int code, string output, string error) = CliRunner.Run("report", run);

        Assert.True(code == 0, error);
        Assert.Equal(
            $"effnet-bench: warning: '{run}' is an incomplete run (no results.json): its finished cases from results.jsonl are reported; finish it with 'effnet-bench run --resume {run}'\n",
            error.ReplaceLineEndings("\n"));
        Assert.Contains("| b0 | 224 |", output, StringComparison.Ordinal);
        Assert.Contains("| b1 | 240 |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| b2 |", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "leaderboard.md")));
        Assert.False(File.Exists(Path.Combine(run, ResultsStore.ResultsFileName)));
    }

    [Fact]
    public void An_empty_folder_is_a_usage_error_that_says_what_it_lacks()
    {
        string empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);

        (int code, string output, string error) = CliRunner.Run("report", empty);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"effnet-bench: '{empty}' is not a run folder: it has no results.json or run.json; pass a folder that 'effnet-bench run' wrote, or its results.json.\n", error.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFileSystemEntries(empty));
    }

    [Fact]
    public void A_folder_with_stray_cases_but_no_run_json_is_not_a_run_either()
    {
        string stray = Path.Combine(_dir, "stray");
        Directory.CreateDirectory(stray);
        File.WriteAllText(Path.Combine(stray, ResultsStore.CasesFileName), string.Empty);

        (int code, _, string error) = CliRunner.Run("report", stray);

        Assert.Equal(2, code);
        Assert.Contains("has no results.json or run.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--resume", error, StringComparison.Ordinal);
    }

    /// <summary>The example run committed under bench-results/.</summary>
    private static string CommittedRun()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string results = Path.Combine(dir.FullName, "bench-results");
            if (Directory.Exists(results))
            {
                return Directory.GetDirectories(results).Order(StringComparer.Ordinal).First(d => File.Exists(Path.Combine(d, ResultsStore.ResultsFileName)));
            }
        }

        throw new DirectoryNotFoundException($"no bench-results folder above {AppContext.BaseDirectory}");
    }
}
