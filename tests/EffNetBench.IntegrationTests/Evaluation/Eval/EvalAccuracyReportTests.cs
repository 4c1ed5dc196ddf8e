using System.Globalization;
using EffNetBench.IntegrationTests.Cli;
using EffNetBench.IntegrationTests.Evaluation.Data;
using EffNetBench.IntegrationTests.Run;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Eval;

/// <summary>The eval.json `eval` writes is an accuracy source for `report`: the measured figure replaces the reference one.</summary>
[Collection(RunCollection.Name)]
public sealed class EvalAccuracyReportTests : IDisposable
{
    private readonly DataWorkspace _work = new();

    public void Dispose() => Directory.Delete(_work.Root, recursive: true);

    [Fact]
    public void Report_uses_the_measured_top1_of_an_eval_json_and_labels_it_measured()
    {
        // 3 classes x 3 correct images, plus one red image filed under c_blue: 9 of 10 correct.
        string model = _work.PathOf("colour.onnx");
        ColourClassifier.Save(model);
        foreach ((string folder, SKColor colour) in new[] { ("a_red", SKColors.Red), ("b_green", new SKColor(0, 255, 0)), ("c_blue", SKColors.Blue) })
        {
            for (int i = 0; i < 3; i++)
            {
                _work.Image($"data/{folder}/img{i}.png", colour, 12, 10);
            }
        }

        _work.Image("data/c_blue/wrong.png", SKColors.Red);
        string[] tiny = ["--resize", "8", "--crop-pct", "1", "--mean", "0,0,0", "--std", "1,1,1", "--scale", "1"];
        (int code, string output, string error) = CliRunner.Run(["eval", model, _work.PathOf("data"), "--out", _work.PathOf("eval"), .. tiny]);
        Assert.True(code == 0, error + output);

        string runDir = _work.PathOf("run");
        (code, output, error) = CliRunner.Run(["run", "--model", model, "--preset", "quick", "--out", runDir]);
        Assert.True(code == 0, error + output);

        string evalJson = _work.PathOf("eval/eval.json");
        string reportDir = _work.PathOf("report");
        (code, output, error) = CliRunner.Run(["report", runDir, "--accuracy", evalJson, "--out", reportDir]);
        Assert.True(code == 0, error + output);

        string[] csv = File.ReadAllLines(Path.Combine(reportDir, "leaderboard.csv"));
        string[] header = csv[0].Split(',');
        string[] row = csv[1].Split(',');
        string Field(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal("colour", Field("model"));
        Assert.Equal(90.0, double.Parse(Field("top1"), CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal("measured:eval.json", Field("top1_source"));

        // Three classes: no top-5 is measured, and none is invented.
        Assert.Equal(string.Empty, Field("top5"));
    }
}
