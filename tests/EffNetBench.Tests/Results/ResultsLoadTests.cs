using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

public sealed class ResultsLoadTests
{
    [Fact]
    public void Load_accepts_the_file_or_its_folder()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        store.Complete(SampleResults.Finished);

        Assert.Single(ResultsStore.Load(dir.Path).Cases);
        Assert.Single(ResultsStore.Load(dir.File(ResultsStore.ResultsFileName)).Cases);
    }

    [Fact]
    public void A_missing_file_is_a_one_line_error_naming_it()
    {
        using var dir = new TempFolder();
        string path = dir.File("missing.json");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
        ResultsStoreTests.AssertOneLine(e);
    }

    [Fact]
    public void A_run_folder_without_results_json_says_the_run_did_not_complete()
    {
        using var dir = new TempFolder();
        ResultsStore.Create(dir.Path, SampleResults.Header());

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(dir.Path));

        Assert.Contains("did not complete", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"schema\": \"effnet-bench/results/1\",\n  \"tool\": ")]
    [InlineData("not json")]
    public void Invalid_json_is_a_one_line_error(string text)
    {
        using var dir = new TempFolder();
        string path = dir.File(ResultsStore.ResultsFileName);
        File.WriteAllText(path, text);

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(path));

        Assert.Contains("is not valid JSON", e.Message);
        Assert.Equal(path, e.Path);
        ResultsStoreTests.AssertOneLine(e);
    }

    [Theory]
    [InlineData("effnet-bench/results/2", "written by a newer effnet-bench")]
    [InlineData("effnet-bench/results/2.0", "written by a newer effnet-bench")]
    [InlineData("effnet-bench/results/0.9", "written by an older effnet-bench")]
    public void Another_schema_major_version_is_refused_naming_what_this_version_reads(string schema, string fix)
    {
        using var dir = new TempFolder();
        string path = WriteSample(dir, json => json.Replace($"\"{BenchmarkResults.CurrentSchema}\"", $"\"{schema}\"", StringComparison.Ordinal));

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(path));

        Assert.Contains(schema, e.Message);
        Assert.Contains("reads major version 1 (\"effnet-bench/results/1\" up to \"effnet-bench/results/1.1\"", e.Message);
        Assert.Contains(fix, e.Message);
        ResultsStoreTests.AssertOneLine(e);
    }

    [Theory]
    [InlineData("effnet-bench/results/")]
    [InlineData("effnet-bench/results/1.1.2")]
    [InlineData("effnet-bench/results/one")]
    [InlineData("effnet-bench/results/1.")]
    [InlineData("effnet-bench/results/-1")]
    public void A_schema_that_is_not_a_version_is_refused(string schema)
    {
        using var dir = new TempFolder();
        string path = WriteSample(dir, json => json.Replace($"\"{BenchmarkResults.CurrentSchema}\"", $"\"{schema}\"", StringComparison.Ordinal));

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(path));

        Assert.Contains("is not a version", e.Message);
        ResultsStoreTests.AssertOneLine(e);
    }

    [Fact]
    public void A_later_minor_version_with_extra_fields_is_read()
    {
        // What any reader of major 1 (1.0 included) does with a later 1.x: reads it, ignoring the fields it does not know.
        using var dir = new TempFolder();
        string path = WriteSample(dir, json => json
            .Replace($"\"{BenchmarkResults.CurrentSchema}\"", "\"effnet-bench/results/1.3\"", StringComparison.Ordinal)
            .Replace("\"tool\": {", "\"future_field\": [1, 2],\n  \"tool\": {", StringComparison.Ordinal));

        BenchmarkResults results = ResultsStore.Load(path);

        Assert.Equal("effnet-bench/results/1.3", results.Schema);
        Assert.Single(results.Cases);
    }

    [Fact]
    public void This_version_writes_schema_1_1()
    {
        string written = BenchmarkResults.CurrentSchema;
        Assert.Equal("effnet-bench/results/1.1", written);
        Assert.Equal($"{BenchmarkResults.SchemaPrefix}{BenchmarkResults.SchemaMajor}.{BenchmarkResults.SchemaMinor}", written);
    }

    [Fact]
    public void A_1_0_file_without_the_1_1_fields_is_read_with_them_null()
    {
        // A file as a 1.0 writer wrote it: schema "effnet-bench/results/1" and none of the fields 1.1 added.
        using var dir = new TempFolder();
        string path = WriteSample(dir, json =>
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            root["schema"] = "effnet-bench/results/1";
            root.Remove("peaks");
            foreach (string field in new[] { "profile_inferences", "scenarios", "concurrency", "latency_bound_ms", "spin" })
            {
                Assert.True(root["settings"]!.AsObject().Remove(field), field);
            }

            foreach (var c in root["cases"]!.AsArray())
            {
                foreach (string field in new[] { "profile", "scenarios", "cpu_ms_per_image", "spin" })
                {
                    Assert.True(c!.AsObject().Remove(field), field);
                }
            }

            return root.ToJsonString();
        });

        BenchmarkResults results = ResultsStore.Load(path);

        Assert.Equal("effnet-bench/results/1", results.Schema);
        Assert.Null(results.Peaks);
        Assert.Null(results.Settings.Scenarios);
        Assert.Null(results.Cases[0].Scenarios);
        Assert.Null(results.Cases[0].CpuMsPerImage);
        Assert.Null(results.Cases[0].Spin);
        Assert.Equal(1.75, results.Cases[0].LatencyMs!.Median);
    }

    [Fact]
    public void A_1_1_file_with_serving_scenarios_round_trips()
    {
        using var dir = new TempFolder();
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        CaseResult serving = ScenarioSamples.WithScenarios(SampleResults.Measured(), ScenarioSamples.Offline(), ScenarioSamples.Server());
        store.Append(serving);
        store.Complete(SampleResults.Finished);

        BenchmarkResults results = ResultsStore.Load(dir.Path);

        Assert.Equal(BenchmarkResults.CurrentSchema, results.Schema);
        ScenarioResults scenarios = results.Cases[0].Scenarios!;
        Assert.Equal(ScenarioSamples.Offline().Best.ImagesPerSecond, scenarios.Offline!.Best.ImagesPerSecond);
        Assert.Equal(ScenarioSamples.Offline().Points.Length, scenarios.Offline.Points.Length);
        Assert.Equal(ScenarioSamples.Offline().Best.WindowImagesPerSecond.ToArray(), scenarios.Offline.Best.WindowImagesPerSecond.ToArray());
        Assert.Equal(100, scenarios.Server!.MaxRateWithinBound);
        Assert.Equal(120, scenarios.Server.RateBracketHigh);
        Assert.Equal(ScenarioSamples.Server().Points.Select(p => p.P99Ms), scenarios.Server.Points.Select(p => p.P99Ms));
        Assert.Equal(4.5, results.Cases[0].CpuMsPerImage);
        Assert.False(results.Cases[0].Spin);
        Assert.Contains("\"window_images_per_second\": [", File.ReadAllText(dir.File(ResultsStore.ResultsFileName)));
    }

    [Theory]
    [InlineData("{\"a\": 1}", "no \"schema\" field")]
    [InlineData("[1, 2]", "no \"schema\" field")]
    [InlineData("{\"schema\": \"something-else/1\"}", "not an effnet-bench results file")]
    [InlineData("{\"schema\": \"effnet-bench/run/1\"}", "not an effnet-bench results file")]
    public void Other_json_is_refused(string text, string expected)
    {
        using var dir = new TempFolder();
        string path = dir.File("other.json");
        File.WriteAllText(path, text);

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(path));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_or_null_required_field_is_refused()
    {
        using var dir = new TempFolder();
        string withoutTool = WriteSample(dir, json => json.Replace("\"tool\": {", "\"tool_renamed\": {", StringComparison.Ordinal));
        Assert.Contains("does not match schema", Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(withoutTool)).Message);

        string nullProvider = WriteSample(dir, json => json.Replace("\"provider\": \"cpu\"", "\"provider\": null", StringComparison.Ordinal));
        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(nullProvider));
        Assert.Contains("does not match schema", e.Message);
        ResultsStoreTests.AssertOneLine(e);
    }

    private static string WriteSample(TempFolder dir, Func<string, string> edit)
    {
        string runDir = dir.File(Guid.NewGuid().ToString("N"));
        ResultsStore store = ResultsStore.Create(runDir, SampleResults.Header());
        store.Append(SampleResults.Measured());
        store.Complete(SampleResults.Finished);
        string path = Path.Combine(runDir, ResultsStore.ResultsFileName);
        string json = File.ReadAllText(path);
        string edited = edit(json);
        Assert.NotEqual(json, edited);
        File.WriteAllText(path, edited);
        return path;
    }
}
