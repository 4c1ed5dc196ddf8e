using System.Text;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

public sealed class ResultsStoreTests
{
    [Fact]
    public void Create_writes_the_header_to_run_json_and_an_empty_results_jsonl()
    {
        using var dir = new TempFolder();
        string runDir = dir.File("nested/run");

        ResultsStore.Create(runDir, SampleResults.Header());

        Assert.Equal(ResultsJson.ToText(RunFile.From(SampleResults.Header())), File.ReadAllText(Path.Combine(runDir, ResultsStore.RunFileName)));
        Assert.Contains("\"schema\": \"effnet-bench/run/1\"", File.ReadAllText(Path.Combine(runDir, ResultsStore.RunFileName)));
        Assert.Equal(0, new FileInfo(Path.Combine(runDir, ResultsStore.CasesFileName)).Length);
        Assert.False(File.Exists(Path.Combine(runDir, ResultsStore.RunFileName + ".tmp")));
    }

    [Fact]
    public void Append_then_Open_restores_the_header_and_the_cases_in_order()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        store.Append(SampleResults.Skipped());

        ResultsStore resumed = ResultsStore.Open(dir.Path);

        Assert.Equal(ResultsJson.ToText(SampleResults.Header()), ResultsJson.ToText(resumed.Header));
        Assert.Equal(["b0-r224/cpu/b1/t2", "b0-r224/cuda/b1/tdefault"], resumed.Finished.Select(c => c.Id));
        Assert.Equal(ResultsJson.ToText(store.Finished), ResultsJson.ToText(resumed.Finished));
        Assert.Equal(2, File.ReadAllLines(dir.File(ResultsStore.CasesFileName)).Length);
    }

    [Fact]
    public void Lines_of_one_case_are_kept_per_launch_and_a_later_line_supersedes_only_its_own_launch()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        CaseResult first = SampleResults.Measured() with { Launch = 1 };
        CaseResult secondFailed = CaseResult.Failed(first.Id, first.Model, first.Provider, first.Batch, first.Threads, "launch 2 of 2: worker killed by SIGKILL")
            with { Launch = 2 };
        store.Append(first);
        store.Append(secondFailed);
        Assert.Equal([(1, CaseStatus.Ok), (2, CaseStatus.Failed)], ResultsStore.Open(dir.Path).Finished.Select(c => (c.LaunchIndex, c.Status)));

        // Measured again (a resume of a transient failure): each new line replaces the line of its own launch, in place.
        store.Append(first with { Reason = "again" });
        store.Append(first with { Launch = 2, Reason = "again" });

        ResultsStore resumed = ResultsStore.Open(dir.Path);
        Assert.Equal([(1, CaseStatus.Ok, "again"), (2, CaseStatus.Ok, "again")], resumed.Finished.Select(c => (c.LaunchIndex, c.Status, c.Reason)));
        Assert.Equal(ResultsJson.ToText(store.Finished), ResultsJson.ToText(resumed.Finished));
    }

    [Fact]
    public void A_truncated_last_line_is_ignored_and_the_next_append_starts_a_clean_line()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        string cases = dir.File(ResultsStore.CasesFileName);
        long complete = new FileInfo(cases).Length;

        // What a kill in the middle of a write leaves: part of a line, no newline.
        string partial = File.ReadAllText(cases)[..40];
        File.AppendAllText(cases, partial);

        ResultsStore resumed = ResultsStore.Open(dir.Path);
        Assert.Single(resumed.Finished);
        Assert.Equal(complete + 40, new FileInfo(cases).Length);

        resumed.Append(SampleResults.Skipped());

        string[] lines = File.ReadAllLines(cases);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":\"b0-r224/cuda/b1/tdefault\"", lines[1]);
        Assert.Equal(2, ResultsStore.Open(dir.Path).Finished.Count);
        Assert.Equal(2, resumed.Complete(SampleResults.Finished).Cases.Length);
    }

    [Fact]
    public void A_kill_before_the_first_case_leaves_a_resumable_run()
    {
        using var dir = new TempFolder();
        ResultsStore.Create(dir.Path, SampleResults.Header());
        File.Delete(dir.File(ResultsStore.CasesFileName));

        ResultsStore resumed = ResultsStore.Open(dir.Path);
        Assert.Empty(resumed.Finished);

        resumed.Append(SampleResults.Measured());
        Assert.Single(ResultsStore.Open(dir.Path).Finished);
    }

    [Fact]
    public void A_corrupt_complete_line_is_an_error_naming_the_line()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        File.AppendAllText(dir.File(ResultsStore.CasesFileName), "{\"id\": oops}\n");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Open(dir.Path));

        Assert.Contains("line 2", e.Message);
        Assert.Contains(ResultsStore.CasesFileName, e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Concurrent_appends_each_write_one_whole_line()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());

        Parallel.For(0, 40, i => store.Append(SampleResults.Measured() with { Id = CaseId.For("b0", 224, "cpu", i + 1, 1) }));

        Assert.Equal(40, store.Finished.Count);
        IReadOnlyList<CaseResult> reread = ResultsStore.Open(dir.Path).Finished;
        Assert.Equal(40, reread.Select(c => c.Id).Distinct().Count());
        Assert.Equal(store.Finished.Select(c => c.Id), reread.Select(c => c.Id));
    }

    [Fact]
    public void Complete_replaces_results_json_atomically()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        File.WriteAllText(dir.File(ResultsStore.ResultsFileName), "stale");

        BenchmarkResults results = store.Complete(SampleResults.Finished);

        Assert.Equal(ResultsJson.ToText(results), File.ReadAllText(dir.File(ResultsStore.ResultsFileName)));
        Assert.Equal(
            [ResultsStore.ResultsFileName, ResultsStore.CasesFileName, ResultsStore.RunFileName],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(BenchmarkResults.CurrentSchema, results.Schema);
        Assert.Equal(SampleResults.Finished, results.Run.FinishedUtc);
        Assert.Null(store.Header.Run.FinishedUtc);
    }

    [Fact]
    public void Complete_converts_the_finish_time_to_utc()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());

        BenchmarkResults results = store.Complete(new DateTimeOffset(2025, 3, 14, 11, 31, 5, TimeSpan.FromHours(2)));

        Assert.Equal(TimeSpan.Zero, results.Run.FinishedUtc!.Value.Offset);
        Assert.Contains("\"finished_utc\": \"2025-03-14T09:31:05Z\"", File.ReadAllText(dir.File(ResultsStore.ResultsFileName)));
    }

    [Fact]
    public void Create_refuses_a_file_path()
    {
        using var dir = new TempFolder();
        string file = dir.File("not-a-folder");
        File.WriteAllText(file, "x");

        var e = Assert.Throws<ResultsStoreException>(() => ResultsStore.Create(file, SampleResults.Header()));

        Assert.Contains("is a file", e.Message);
        Assert.Equal(file, e.Path);
        AssertOneLine(e);
    }

    [Fact]
    public void Create_refuses_a_folder_that_already_holds_a_run()
    {
        using var dir = new TempFolder();
        ResultsStore.Create(dir.Path, SampleResults.Header()).Append(SampleResults.Measured());

        var e = Assert.Throws<ResultsStoreException>(() => ResultsStore.Create(dir.Path, SampleResults.Header()));

        Assert.Contains("--resume", e.Message);
        Assert.Single(ResultsStore.Open(dir.Path).Finished);
    }

    [Fact]
    public void Open_refuses_a_folder_without_run_json()
    {
        using var dir = new TempFolder();

        var e = Assert.Throws<ResultsStoreException>(() => ResultsStore.Open(dir.Path));

        Assert.Contains($"has no {ResultsStore.RunFileName}", e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Open_refuses_a_missing_folder_and_a_file()
    {
        using var dir = new TempFolder();
        string file = dir.File("results.json");
        File.WriteAllText(file, "{}");

        Assert.Contains("does not exist", Assert.Throws<ResultsStoreException>(() => ResultsStore.Open(dir.File("nope"))).Message);
        Assert.Contains("is a file", Assert.Throws<ResultsStoreException>(() => ResultsStore.Open(file)).Message);
    }

    [Fact]
    public void Open_refuses_an_invalid_run_json()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File(ResultsStore.RunFileName), "{\"schema\": \"effnet-bench/run/1\", \"tool\": {");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Open(dir.Path));

        Assert.Contains("not valid JSON", e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Appended_lines_are_utf8_without_bom()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(CaseResult.Failed("é/cpu/b1/t1", SampleResults.B0 with { Name = "é" }, "cpu", 1, 1, "line one\nline two"));

        byte[] bytes = File.ReadAllBytes(dir.File(ResultsStore.CasesFileName));

        Assert.Equal((byte)'{', bytes[0]);
        Assert.Single(bytes, b => b == (byte)'\n');
        Assert.Contains("\"id\":\"é/cpu/b1/t1\"", Encoding.UTF8.GetString(bytes));
        Assert.Equal("line one\nline two", ResultsStore.Open(dir.Path).Finished[0].Reason);
    }

    internal static void AssertOneLine(Exception e) => Assert.DoesNotContain('\n', e.Message);
}
