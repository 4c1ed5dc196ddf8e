using EffNetBench.Core;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting.Leaderboards;

public sealed class AccuracySourceErrorTests
{
    [Theory]
    [InlineData("imagenet")]
    [InlineData("results.txt")]
    [InlineData("")]
    public void An_unknown_source_name_is_a_source_error_listing_the_choices(string source)
    {
        var e = Assert.Throws<AccuracySourceException>(() => AccuracyTable.Load(["paper", source]));
        Assert.Equal($"accuracy source '{source}' is unknown: use paper, advprop, noisy-student, none, a timm results .csv or an eval .json file.", e.Message);
    }

    [Fact]
    public void None_cannot_be_combined_with_a_reference_table()
    {
        var e = Assert.Throws<AccuracySourceException>(() => AccuracyTable.Load(["none", "advprop"]));
        Assert.Equal("accuracy source 'none' turns the reference tables off, so it cannot be combined with 'advprop'.", e.Message);
    }

    [Theory]
    [InlineData("missing.csv")]
    [InlineData("missing.json")]
    public void A_missing_accuracy_file_is_a_format_error_naming_it(string name)
    {
        using var folder = new TempFolder();
        string path = folder.File(name);

        var e = Assert.Throws<AccuracyFormatException>(() => AccuracyTable.Load([path]));
        Assert.Equal($"accuracy file '{path}' not found.", e.Message);
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Theory]
    [InlineData("""{ "model": "b0", "top1": 77.1 }""", "'eval.json': top1 of b0 is 77.1, not a fraction from 0 to 1.")]
    [InlineData("""{ "top1": 0.771 }""", "'eval.json' has an evaluation without a \"model\" name.")]
    [InlineData("""{ "model": "b0", "top5": 0.93 }""", "'eval.json': b0 has no \"top1\".")]
    [InlineData("""[1]""", "'eval.json' holds a number where an evaluation object belongs.")]
    [InlineData("""{ "model": "b0", "top1": 0.7, "resolution": "224" }""", "'eval.json': resolution of b0 is \"224\", not a size in pixels.")]
    public void A_malformed_eval_json_is_a_format_error(string json, string message)
    {
        var e = Assert.Throws<AccuracyFormatException>(() => EvalJsonAccuracy.Parse(json, "eval.json"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Eval_json_accepts_an_array_with_resolutions_and_keeps_the_first_of_duplicates()
    {
        AccuracyTable table = EvalJsonAccuracy.Parse(
            """[{ "model": "b0", "top1": 0.5, "top5": null, "resolution": 224 }, { "model": "efficientnet_b0", "top1": 0.6, "img_size": 224 }, { "model": "mynet", "top1": 0.25 }]""",
            "/runs/eval.json");

        Assert.Equal<AccuracyEntry>(
        [
            new("b0", 224, 50, null, "measured:eval.json", AccuracyKind.Measured),
            new("mynet", null, 25, null, "measured:eval.json", AccuracyKind.Measured),
        ], table.Entries);
        Assert.Equal<string>(["measured:eval.json: efficientnet_b0 is evaluated more than once; the first evaluation is used"], table.Notes);
    }

    [Fact]
    public void Eval_of_a_zoo_model_with_synthetic_weights_is_not_an_accuracy()
    {
        // `eval b0` on a generated model scores chance level; that must never replace the published figure.
        AccuracyTable table = EvalJsonAccuracy.Parse(
            """{ "model": "b0", "top1": 0.0, "top5": 0.0, "synthetic_weights": true }""",
            "/runs/eval.json");

        Assert.Empty(table.Entries);
        Assert.Equal<string>(["measured:eval.json: b0 was evaluated with synthetic weights, so its measured accuracy is not used"], table.Notes);
    }
}
