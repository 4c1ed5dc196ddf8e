using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Evaluation;
using EffNetBench.Core.Evaluation.Precisions;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Cli;
using EffNetBench.IntegrationTests.Evaluation.Data;
using Google.Protobuf;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Eval;

/// <summary>`eval --precision` with real sessions: the colour classifier and a "converted" copy whose green weight is
/// zero, so every prediction of both is known in advance.</summary>
public sealed class EvalPrecisionTests : IDisposable
{
    private readonly DataWorkspace _work = new();

    public void Dispose() => Directory.Delete(_work.Root, recursive: true);

    /// <summary>a_red: 4 red + 1 green; b_green: 4 green + 1 blue; c_blue: 4 blue. 14 images.</summary>
    private (string Model, string Data) Setup()
    {
        string model = _work.PathOf("colour.onnx");
        ColourClassifier.Save(model);
        foreach ((string folder, SKColor colour) in new[] { ("a_red", SKColors.Red), ("b_green", new SKColor(0, 255, 0)), ("c_blue", SKColors.Blue) })
        {
            for (int i = 0; i < 4; i++)
            {
                _work.Image($"data/{folder}/img{i}.png", colour, 12, 10);
            }
        }

        _work.Image("data/a_red/wrong.png", new SKColor(0, 255, 0));
        _work.Image("data/b_green/wrong.png", SKColors.Blue);
        return (model, _work.PathOf("data"));
    }

    [Fact]
    public void Fp32_and_a_converted_model_are_compared_image_by_image()
    {
        (string model, string data) = Setup();
        var spec = new EvaluationSpec(model, data, Preprocessing: new PreprocessingOverrides(Resolution: 8, CropPct: 1, Mean: [0, 0, 0], Std: [1, 1, 1], Scale: 1));
        EvaluationRequest request = EvaluationPlan.Create(spec).Request;

        EvaluationResult result = PrecisionEvaluation.Run(request, new PrecisionSettings(["fp32", "int8"], null, 4, "min-max", 99.999, 0), new GreenBlindConverter(),
            new ModelCache(_work.PathOf("cache")), _work.PathOf("out"), (r, _) => Evaluator.Execute(r));

        // fp32 gets all but the two mislabelled images: 12/14. The converted model scores green 0, so green images tie
        // at 0 and go to class 0 (a_red): the 4 green images of b_green turn wrong (b = 4) and the green image labelled
        // a_red turns right (c = 1): 9/14. Exact McNemar, n = 5: 2 x (C(5,0) + C(5,1)) / 2^5 = 12/32 = 0.375.
        PrecisionReport report = result.Precisions!;
        Assert.Equal(12.0 / 14, report.Runs[0].Top1.Value, 12);
        Assert.Equal(9.0 / 14, report.Runs[1].Top1.Value, 12);
        PrecisionComparison c = Assert.Single(report.Comparisons);
        Assert.Equal((14, 4, 1, McNemar.ExactMethod), (c.Images, c.McNemar.BaselineOnly, c.McNemar.OtherOnly, c.McNemar.Method));
        Assert.Equal(0.375, c.McNemar.PValue, 12);

        // Only the 5 green images' green score changes, from 1 (255/255) to 0: max 1, mean 5 / (14 x 3).
        Assert.Equal(9.0 / 14, c.Top1Agreement, 12);
        Assert.Equal(1.0, c.MaxAbsLogitDifference, 6);
        Assert.Equal(5.0 / 42, c.MeanAbsLogitDifference, 6);

        // Recall: b_green 4/5 -> 0/5, c_blue 4/4 -> 4/4, a_red 4/5 -> 5/5.
        Assert.Equal([("b_green", -0.8), ("c_blue", 0.0), ("a_red", 0.2)], c.ClassRecall.Select(r => (r.Class, Math.Round(r.Change, 12))));
        Assert.True(File.Exists(report.Runs[1].Conversion!.File));
    }

    [Fact]
    public void The_real_converter_quantizes_and_eval_compares_int8_with_fp32_through_the_cli()
    {
        (string model, string data) = Setup();
        for (int i = 0; i < 3; i++)
        {
            _work.Image($"calibration/red{i}.png", SKColors.Red, 12, 10);
            _work.Image($"calibration/green{i}.png", new SKColor(0, 255, 0), 12, 10);
            _work.Image($"calibration/blue{i}.png", SKColors.Blue, 12, 10);
        }

        string outDir = _work.PathOf("out");

        (int code, _, string error) = CliRunner.Run("eval", model, data, "--precision", "fp32,int8", "--calibration", _work.PathOf("calibration"),
            "--out", outDir, "--cache-dir", _work.PathOf("cache"));

        Assert.True(code == 0, error);
        string json = File.ReadAllText(Path.Combine(outDir, "eval.json"));
        Assert.Contains("\"precision_comparisons\"", json, StringComparison.Ordinal);
        // Pure colours are far apart: 8-bit activations keep every prediction, so both precisions score 12/14 and agree.
        Assert.Contains("\"top1_agreement\": 1", json, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(outDir, ModelConversion.RunModelsFolder), "*int8*.onnx"));
    }

    [Fact]
    public void Calibration_images_inside_the_evaluated_set_are_refused()
    {
        (string model, string data) = Setup();

        (int code, _, string error) = CliRunner.Run("eval", model, data, "--precision", "fp32,int8", "--calibration", Path.Combine(data, "a_red"), "--out", _work.PathOf("out"));

        Assert.Equal(2, code);
        Assert.Contains("--calibration '", error, StringComparison.Ordinal);
        Assert.Contains("contains 5 of the evaluated images", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_opt_is_applied_and_recorded_in_eval_json()
    {
        (string model, string data) = Setup();
        string outDir = _work.PathOf("out");

        (int code, _, string error) = CliRunner.Run("eval", model, data, "--graph-opt", "disabled", "--out", outDir);

        Assert.True(code == 0, error);
        Assert.Contains("\"graph_optimization\": \"disabled\"", File.ReadAllText(Path.Combine(outDir, "eval.json")), StringComparison.Ordinal);
    }

    /// <summary>Writes the classifier with its green weight set to 0 and reports that as an int8 conversion.</summary>
    private sealed class GreenBlindConverter : IModelConverter
    {
        public ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options)
        {
            Onnx.ModelProto model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(inputPath));
            model.Graph.Initializer.Single(t => t.Name == "W").FloatData[4] = 0;
            File.WriteAllBytes(outputPath, model.ToByteArray());
            return new ConversionReport(options.Precision, 1, ImmutableArray<KeptFloatNode>.Empty, "min-max over 4 synthetic inputs", 0.01);
        }
    }
}
