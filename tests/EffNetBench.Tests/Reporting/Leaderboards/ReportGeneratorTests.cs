using EffNetBench.Core;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;
using static EffNetBench.Tests.Reporting.Leaderboards.LeaderboardSamples;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class ReportGeneratorTests
{
    [Fact]
    public void Generate_reads_a_run_folder_and_a_results_file_and_writes_the_three_files()
    {
        using var folder = new TempFolder();
        string runFolder = Save(folder, "run1", Example());
        string otherFile = Path.Combine(Save(folder, "run2", Run("run2", Machine("Apple M2", 8, "mac"), Ok(B0, 4))), ResultsStore.ResultsFileName);
        string outDir = folder.File("report");

        IReadOnlyList<string> paths = ReportGenerator.Generate([runFolder, otherFile], outDir, new ReportOptions());

        Assert.Equal(
            [Path.Combine(outDir, "leaderboard.md"), Path.Combine(outDir, "leaderboard.csv"), Path.Combine(outDir, "leaderboard.json")],
            paths.Take(3));
        string csv = File.ReadAllText(paths[1]);
        Assert.Contains("\r\nb0,224,cpu,Apple M2 (8 cores),1,default,", csv);
        Assert.Contains("\r\nb0,224,cpu,AMD EPYC (2 cores),1,default,", csv);
        Assert.Contains("## Across hardware and providers", File.ReadAllText(paths[0]));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void The_report_draws_its_three_plots_as_png_and_svg()
    {
        using var folder = new TempFolder();
        string runFolder = Save(folder, "run1", Example());

        IReadOnlyList<string> paths = ReportGenerator.Generate([runFolder], runFolder, new ReportOptions(RankBy: RankBy.Top1));

        foreach (string stem in new[] { "top1-vs-latency", "top1-vs-gmacs", "latency-vs-gmacs" })
        {
            foreach (string extension in new[] { ".png", ".svg" })
            {
                string path = Path.Combine(runFolder, stem + extension);
                Assert.Contains(path, paths);
                Assert.True(new FileInfo(path).Length > 1000, $"{path} is too small");
            }
        }

        Assert.Contains("median latency (ms)", File.ReadAllText(Path.Combine(runFolder, "top1-vs-latency.svg")));
    }

    [Fact]
    public void An_input_that_is_not_a_results_document_fails_with_the_loaders_message()
    {
        using var folder = new TempFolder();
        string notResults = folder.File("notes.json");
        File.WriteAllText(notResults, """{ "model": "b0", "top1": 0.77 }""");

        var e = Assert.Throws<ResultsFormatException>(() => ReportGenerator.Build([notResults], new ReportOptions()));
        Assert.Equal($"'{notResults}' has no \"schema\" field, so it is not an effnet-bench file.", e.Message);

        var missing = Assert.Throws<ResultsFormatException>(() => ReportGenerator.Build([folder.File("nope.json")], new ReportOptions()));
        Assert.Equal($"results file '{folder.File("nope.json")}' not found: pass a results.json or the run folder holding it.", missing.Message);
    }

    [Fact]
    public void An_interrupted_run_is_read_from_run_json_and_results_jsonl()
    {
        using var folder = new TempFolder();
        BenchmarkResults whole = Example();
        string runFolder = folder.File("interrupted");
        ResultsStore store = ResultsStore.Create(runFolder, new RunHeader(whole.Tool, whole.Run with { FinishedUtc = null }, whole.Environment, whole.Settings));
        store.Append(whole.Cases[0]);
        store.Append(whole.Cases[1]);

        Assert.True(ResultsStore.IsIncomplete(runFolder));
        Leaderboard board = ReportGenerator.Build([runFolder], new ReportOptions());

        Assert.Equal(["b0", "b1"], board.Rows.Select(r => r.Model).Order());
        var strict = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(runFolder));
        Assert.Equal($"'{runFolder}' has no results.json: the run did not complete; finish it with 'effnet-bench run --resume {runFolder}'.", strict.Message);
        Assert.Equal(ErrorKind.Failed, strict.Kind);
    }

    [Fact]
    public void A_folder_that_is_not_a_run_says_what_it_lacks_and_suggests_no_resume()
    {
        using var folder = new TempFolder();
        string empty = folder.File("empty");
        Directory.CreateDirectory(empty);

        var e = Assert.Throws<ResultsFormatException>(() => ReportGenerator.Build([empty], new ReportOptions()));

        Assert.Equal($"'{empty}' is not a run folder: it has no results.json or run.json; pass a folder that 'effnet-bench run' wrote, or its results.json.", e.Message);
        Assert.DoesNotContain("--resume", e.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.False(ResultsStore.IsIncomplete(empty));
    }

    [Fact]
    public void An_unknown_accuracy_source_is_reported_before_any_results_file_is_read()
    {
        Assert.Throws<AccuracySourceException>(() => ReportGenerator.Build(["/no/such/results.json"], new ReportOptions(["imagenet"])));
    }

    [Fact]
    public void The_default_output_folder_is_the_run_folder_or_the_folder_of_the_results_file()
    {
        using var folder = new TempFolder();
        string runFolder = Save(folder, "run1", Example());

        Assert.Equal(runFolder, ReportGenerator.DefaultOutDir(runFolder));
        Assert.Equal(runFolder, ReportGenerator.DefaultOutDir(Path.Combine(runFolder, ResultsStore.ResultsFileName)));
    }

    [Fact]
    public void Two_runs_with_nothing_in_common_just_list_their_rows()
    {
        Leaderboard board = LeaderboardBuilder.Build(
            [Run("a", Epyc, Ok(FileModel("x", 224, null), 3)), Run("b", Machine("Apple M2", 8, "mac"), Ok(FileModel("y", null, null), 4, provider: "coreml"))],
            AccuracyTable.Load(null), new LeaderboardOptions());

        Assert.Equal(["x", "y"], board.Rows.Select(r => r.Model));
        Assert.Empty(board.Hardware);
        Assert.Contains("\r\ny,,coreml,Apple M2 (8 cores),1,default,,,,,,,4,4.5,5.5,250,200,,,false,,,,,file,4,,,0.05,true,,,,,,,,,,,,,,fp32\r\n", LeaderboardWriter.Csv(board));
    }

    private static string Save(TempFolder folder, string name, BenchmarkResults results)
    {
        string dir = folder.File(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ResultsStore.ResultsFileName), ResultsJson.ToText(results));
        return dir;
    }
}
