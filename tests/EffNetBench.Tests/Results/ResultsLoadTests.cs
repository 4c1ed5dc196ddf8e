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

    [Fact]
    public void Another_schema_major_version_is_refused()
    {
        using var dir = new TempFolder();
        string path = WriteSample(dir, json => json.Replace("\"effnet-bench/results/1\"", "\"effnet-bench/results/2\"", StringComparison.Ordinal));

        var e = Assert.Throws<ResultsFormatException>(() => ResultsStore.Load(path));

        Assert.Contains("effnet-bench/results/2", e.Message);
        Assert.Contains("reads \"effnet-bench/results/1\"", e.Message);
        ResultsStoreTests.AssertOneLine(e);
    }

    [Fact]
    public void A_later_minor_version_with_extra_fields_is_read()
    {
        using var dir = new TempFolder();
        string path = WriteSample(dir, json => json
            .Replace("\"effnet-bench/results/1\"", "\"effnet-bench/results/1.3\"", StringComparison.Ordinal)
            .Replace("\"tool\": {", "\"future_field\": [1, 2],\n  \"tool\": {", StringComparison.Ordinal));

        BenchmarkResults results = ResultsStore.Load(path);

        Assert.Equal("effnet-bench/results/1.3", results.Schema);
        Assert.Single(results.Cases);
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
