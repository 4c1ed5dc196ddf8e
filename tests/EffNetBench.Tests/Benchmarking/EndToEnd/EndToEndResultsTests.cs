using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Leaderboards;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking.EndToEnd;

/// <summary>End-to-end cases in results.json, ids, plans, the run summary, compare and the leaderboard.</summary>
public sealed class EndToEndResultsTests
{
    private static readonly EndToEndInfo Info = new("/data/cat.jpg", 41_337, 500, 375, "b0-r224/cpu/b1/tdefault",
        "resize 256 bicubic, crop 224", 7.5, 2.5, 0.25, "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", 2.2, 120, 0.22);

    /// <summary>The end-to-end twin of <paramref name="model"/>: its id, median 10 ms (7.5 model + 2.5 preprocessing).</summary>
    private static CaseResult EndToEnd(CaseResult model, double medianMs = 10, EndToEndInfo? info = null)
    {
        CaseResult e2e = LeaderboardSamples.Ok(model.Model, medianMs);
        return e2e with
        {
            Id = CaseId.For(model.Model.Name, model.Model.Resolution, model.Provider, model.Batch, model.Threads, endToEnd: true),
            EndToEnd = info ?? Info with { ModelCaseId = model.Id },
        };
    }

    [Fact]
    public void An_end_to_end_case_id_is_its_model_case_id_plus_e2e()
    {
        Assert.Equal("b0-r224/cpu/b1/tdefault/e2e", CaseId.For("b0", 224, "cpu", 1, null, endToEnd: true));
        Assert.Equal("b0-r224/cpu/b1/t2", CaseId.For("b0", 224, "cpu", 1, 2));
    }

    [Fact]
    public void The_end_to_end_fields_are_written_snake_case_and_read_back()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header() with
        {
            Settings = SampleResults.Header().Settings with { EndToEndImage = "/data/cat.jpg" },
        });
        CaseResult model = SampleResults.Measured();
        store.Append(model);
        store.Append(EndToEnd(model));
        store.Complete(SampleResults.Finished);
        string json = File.ReadAllText(dir.File(ResultsStore.ResultsFileName));

        Assert.Contains("\"end_to_end_image\": \"/data/cat.jpg\"", json);
        Assert.Contains("""
                  "end_to_end": {
                    "image": "/data/cat.jpg",
                    "image_bytes": 41337,
                    "decoded_width": 500,
                    "decoded_height": 375,
                    "model_case_id": "b0-r224/cpu/b1/t2",
                    "preprocessing": "resize 256 bicubic, crop 224",
                    "model_median_ms": 7.5,
                    "preprocessing_ms": 2.5,
                    "preprocessing_share": 0.25,
                    "image_sha256": "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
                    "preprocessing_alone_ms": 2.2,
                    "preprocessing_alone_samples": 120,
                    "preprocessing_alone_share": 0.22
                  }
            """.ReplaceLineEndings("\n"), json);
        BenchmarkResults loaded = ResultsStore.Load(dir.Path);
        Assert.Null(loaded.Cases[0].EndToEnd);
        Assert.Equal(Info with { ModelCaseId = model.Id }, loaded.Cases[1].EndToEnd);
        Assert.Equal("/data/cat.jpg", loaded.Settings.EndToEndImage);
        Assert.Equal(json, ResultsJson.ToText(loaded));
    }

    [Fact]
    public void Results_and_run_files_written_before_end_to_end_existed_still_load()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        store.Complete(SampleResults.Finished);
        foreach (string name in new[] { ResultsStore.ResultsFileName, ResultsStore.RunFileName, ResultsStore.CasesFileName })
        {
            string path = dir.File(name);
            string text = File.ReadAllText(path);
            string old = text.Replace(",\n    \"end_to_end_image\": null", string.Empty, StringComparison.Ordinal)
                .Replace(",\n      \"end_to_end\": null", string.Empty, StringComparison.Ordinal)
                .Replace(",\"end_to_end\":null", string.Empty, StringComparison.Ordinal);
            Assert.NotEqual(text, old);
            Assert.DoesNotContain("end_to_end", old);
            File.WriteAllText(path, old);
        }

        BenchmarkResults loaded = ResultsStore.Load(dir.Path);
        ResultsStore reopened = ResultsStore.Open(dir.Path);

        Assert.Null(loaded.Settings.EndToEndImage);
        Assert.Null(Assert.Single(loaded.Cases).EndToEnd);
        Assert.Null(reopened.Header.Settings.EndToEndImage);
        Assert.Null(Assert.Single(reopened.Finished).EndToEnd);
    }

    [Fact]
    public void Plans_put_an_end_to_end_case_after_each_batch_1_case_and_skip_it_off_cpu()
    {
        var settings = new RunSettings(["b0"], [], ["cpu", "cuda"], [1, 2], [null, 2], "quick", 42, "out", null) { EndToEndImage = "/data/cat.png" };

        var plan = RunPlanner.Plan(settings);

        Assert.Equal(
        [
            "b0-r224/cpu/b1/tdefault", "b0-r224/cpu/b1/tdefault/e2e", "b0-r224/cpu/b1/t2", "b0-r224/cpu/b1/t2/e2e",
            "b0-r224/cpu/b2/tdefault", "b0-r224/cpu/b2/t2",
            "b0-r224/cuda/b1/tdefault", "b0-r224/cuda/b1/tdefault/e2e", "b0-r224/cuda/b1/t2", "b0-r224/cuda/b1/t2/e2e",
            "b0-r224/cuda/b2/tdefault", "b0-r224/cuda/b2/t2",
        ], plan.Select(c => c.Id));
        PlannedCase cpu = plan[1];
        Assert.Equal(("b0-r224/cpu/b1/tdefault", 1, (int?)null, (string?)null), (cpu.EndToEndOf, cpu.Batch, cpu.Threads, cpu.SkipReason));
        Assert.Equal(plan[0].Model, cpu.Model);
        Assert.Null(plan[0].EndToEndOf);
        PlannedCase gpu = plan[7];
        Assert.Equal("b0-r224/cuda/b1/tdefault", gpu.EndToEndOf);
        Assert.Equal("end-to-end runs on cpu only: DecodeImage (onnxruntime-extensions) is a CPU op and CUDA sessions disable CPU fallback (session.disable_cpu_ep_fallback=1) so their figures are never CPU figures", gpu.SkipReason);
        Assert.Null(plan[6].SkipReason);
        Assert.DoesNotContain(RunPlanner.Plan(settings with { EndToEndImage = null }), c => c.EndToEndOf is not null);
    }

    [Fact]
    public void The_run_summary_shows_preprocessing_next_to_inference_only_when_there_are_end_to_end_cases()
    {
        CaseResult model = LeaderboardSamples.Ok(SampleResults.B0, 7.5);
        CaseResult skipped = CaseResult.Skipped(CaseId.For("b0", 224, "cuda", 1, null, endToEnd: true), SampleResults.B0, "cuda", 1, null, "end-to-end runs on cpu only")
            with { EndToEnd = Info with { DecodedWidth = null, DecodedHeight = null, ModelMedianMs = null, PreprocessingMs = null, PreprocessingShare = null, PreprocessingAloneMs = null, PreprocessingAloneSamples = null, PreprocessingAloneShare = null } };

        string[] lines = RunSummaryReport.Render([model, EndToEnd(model), skipped]).Split('\n');
        string plain = RunSummaryReport.Render([model]);

        Assert.Matches(@"^model +provider .* peak RSS MB +preproc ms +preproc % +status *$", lines[0]);
        Assert.Matches(@"^b0@224 +cpu +1 +default +7\.50 .* 200 +ok *$", lines[2]);
        // The directly timed preprocessing (2.20 ms, 22 %), not the difference of the medians (2.50 ms).
        Assert.Matches(@"^b0@224 e2e +cpu +1 +default +10\.00 .* 200 +2\.20 +22\.0 % +ok *$", lines[3]);
        Assert.Matches(@"^b0@224 e2e +cuda +1 +default +skipped: end-to-end runs on cpu only *$", lines[4]);
        Assert.DoesNotContain("preproc", plain);
        Assert.DoesNotContain("e2e", plain);
    }

    [Fact]
    public void Compare_keeps_end_to_end_and_model_only_cases_apart()
    {
        CaseResult model = LeaderboardSamples.Ok(SampleResults.B0, 7.5);
        BenchmarkResults before = LeaderboardSamples.Run("r1", LeaderboardSamples.Epyc, model, EndToEnd(model, 10));
        BenchmarkResults after = LeaderboardSamples.Run("r2", LeaderboardSamples.Epyc, model, EndToEnd(model, 10));
        BenchmarkResults modelOnly = LeaderboardSamples.Run("r3", LeaderboardSamples.Epyc, model);

        Comparison both = RegressionComparer.Compare(before, after, new CompareOptions());
        Comparison dropped = RegressionComparer.Compare(before, modelOnly, new CompareOptions());

        Assert.Equal(["b0-r224/cpu/b1/tdefault", "b0-r224/cpu/b1/tdefault/e2e@039058c6f2c0"], both.Cases.Select(c => c.Case.Id));
        Assert.Equal(7.5, both.Cases[0].BaselineMedianMs);
        Assert.Equal(10, both.Cases[1].BaselineMedianMs);
        Assert.Empty(both.NewCases);
        Assert.Equal(["b0-r224/cpu/b1/tdefault"], dropped.Cases.Select(c => c.Case.Id));
        Assert.Equal(["b0-r224/cpu/b1/tdefault/e2e@039058c6f2c0"], dropped.MissingCases.Select(k => k.Id));
    }

    [Fact]
    public void Compare_matches_end_to_end_cases_only_on_the_same_image()
    {
        string cat = EndToEndInfo.Sha256([1, 2, 3])!;
        string dog = EndToEndInfo.Sha256([4, 5, 6])!;
        CaseResult model = LeaderboardSamples.Ok(SampleResults.B0, 7.5);
        CaseResult OnImage(string sha, double ms) => EndToEnd(model, ms, Info with { ModelCaseId = model.Id, ImageSha256 = sha });
        BenchmarkResults before = LeaderboardSamples.Run("r1", LeaderboardSamples.Epyc, model, OnImage(cat, 10));
        BenchmarkResults sameImage = LeaderboardSamples.Run("r2", LeaderboardSamples.Epyc, model, OnImage(cat, 10));
        BenchmarkResults otherImage = LeaderboardSamples.Run("r3", LeaderboardSamples.Epyc, model, OnImage(dog, 30));

        Comparison same = RegressionComparer.Compare(before, sameImage, new CompareOptions());
        Comparison other = RegressionComparer.Compare(before, otherImage, new CompareOptions());

        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", cat); // sha256 of 01 02 03
        Assert.Equal(["b0-r224/cpu/b1/tdefault", $"b0-r224/cpu/b1/tdefault/e2e@{cat[..12]}"], same.Cases.Select(c => c.Case.Id));
        Assert.Equal(["b0-r224/cpu/b1/tdefault"], other.Cases.Select(c => c.Case.Id));
        Assert.Equal([$"b0-r224/cpu/b1/tdefault/e2e@{dog[..12]}"], other.NewCases.Select(k => k.Id));
        Assert.Equal([$"b0-r224/cpu/b1/tdefault/e2e@{cat[..12]}"], other.MissingCases.Select(k => k.Id));
    }

    [Fact]
    public void The_leaderboard_ranks_model_only_cases_and_notes_end_to_end_ones()
    {
        CaseResult model = LeaderboardSamples.Ok(SampleResults.B0, 7.5);
        BenchmarkResults run = LeaderboardSamples.Run("r1", LeaderboardSamples.Epyc, model, EndToEnd(model, 10));

        Leaderboard board = LeaderboardBuilder.Build([run], AccuracyTable.Load(null), new LeaderboardOptions());

        LeaderboardRow row = Assert.Single(board.Rows);
        Assert.Equal(7.5, row.LatencyMedianMs);
        Assert.Contains("end-to-end, not ranked: b0@224 cpu batch 1 threads default on AMD EPYC (2 cores) (run r1): median 10.00 ms, preprocessing 22.0 %", board.Notes);
        Assert.DoesNotContain(board.Notes, n => n.StartsWith("measured in runs", StringComparison.Ordinal));
    }
}
