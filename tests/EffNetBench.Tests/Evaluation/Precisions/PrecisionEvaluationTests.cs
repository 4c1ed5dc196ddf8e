using System.Collections.Immutable;
using System.Text.Json;
using EffNetBench.Core;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Evaluation;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.Core.Evaluation.Metrics;
using EffNetBench.Core.Evaluation.Precisions;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Quantization;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Evaluation.Precisions;

/// <summary>`eval --precision fp32,int8` with a fake converter and a fake evaluation whose outputs are fixed per image.</summary>
public sealed class PrecisionEvaluationTests : IDisposable
{
    private static readonly string[] Classes = ["a", "b", "c"];

    // Six images; fp32 and int8 outputs per image, and the arithmetic the test checks:
    //   image  truth  fp32          pred  int8            pred  |fp32 - int8| summed
    //   1      a      3, 1, 0       a ok  2.5, 1.2, 0     a ok  0.5 + 0.2       = 0.7
    //   2      a      2, 1, 0       a ok  0.9, 1.1, 0     b --  1.1 + 0.1       = 1.2   (fp32 only: b)
    //   3      b      0, 2, 1       b ok  0, 2, 1         b ok  0
    //   4      b      1, 0.5, 0     a --  0.5, 1, 0       b ok  0.5 + 0.5       = 1.0   (int8 only: c)
    //   5      c      0, 0, 1       c ok  0, 1.5, 1       b --  1.5             = 1.5   (fp32 only: b)
    //   6      c      0, 0, 1       c ok  0, 0, 1         c ok  0
    // top-1: fp32 5/6, int8 4/6; b = 2, c = 1 -> exact McNemar n = 3: 2 x (1 + 3)/8 = 1.0
    // agreement: images 1, 3, 6 -> 3/6; mean |diff| = 4.4 / 18 values; max 1.5
    // recall: a 1 -> 1/2 (-0.5), b 1/2 -> 1 (+0.5), c 1 -> 1/2 (-0.5)
    private static readonly (int Truth, float[] Fp32, float[] Int8)[] Images =
    [
        (0, [3, 1, 0], [2.5f, 1.2f, 0]),
        (0, [2, 1, 0], [0.9f, 1.1f, 0]),
        (1, [0, 2, 1], [0, 2, 1]),
        (1, [1, 0.5f, 0], [0.5f, 1, 0]),
        (2, [0, 0, 1], [0, 1.5f, 1]),
        (2, [0, 0, 1], [0, 0, 1]),
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_precision_is_evaluated_on_the_same_images_and_compared_with_fp32_image_by_image()
    {
        (EvaluationRequest request, string source) = Request();
        var converter = new FakeConverter();
        var settings = new PrecisionSettings(["int8", "fp32"], null, 100, "entropy", 99.999, 0);
        var evaluated = new List<string>();

        EvaluationResult result = PrecisionEvaluation.Run(request, settings, converter, new ModelCache(_temp.File("cache")), _temp.File("out"),
            (r, name) =>
            {
                evaluated.Add(name);
                return FakeEvaluate(r, useInt8: r.ModelPath != source);
            });

        // fp32 first (the baseline), though given second; the converter got int8 with the calibration options.
        Assert.Equal(["fp32", "int8"], evaluated);
        (_, _, ConversionOptions options) = Assert.Single(converter.Calls);
        Assert.Equal((Precision.Int8, "entropy", "cpu", (string?)null), (options.Precision, options.Method, options.Provider, options.Calibration?.ImageFolder));

        Assert.Null(result.Precision);
        PrecisionReport report = result.Precisions!;
        Assert.Equal(["fp32", "int8"], report.Runs.Select(r => r.Precision));
        Assert.Equal(5.0 / 6, report.Runs[0].Top1.Value, 12);
        Assert.Equal(4.0 / 6, report.Runs[1].Top1.Value, 12);
        Assert.True(report.Runs[1].Conversion!.SyntheticCalibration);

        PrecisionComparison c = Assert.Single(report.Comparisons);
        Assert.Equal(("int8", "fp32", 6), (c.Precision, c.Baseline, c.Images));
        Assert.Equal(-1.0 / 6, c.Top1Difference, 12);
        Assert.Equal((2, 1, McNemar.ExactMethod, 1.0), (c.McNemar.BaselineOnly, c.McNemar.OtherOnly, c.McNemar.Method, c.McNemar.PValue));
        Assert.Equal(0.5, c.Top1Agreement, 12);
        Assert.Equal(4.4 / 18, c.MeanAbsLogitDifference, 6);
        Assert.Equal(1.5, c.MaxAbsLogitDifference, 6);
        Assert.Equal([("a", -0.5), ("c", -0.5), ("b", 0.5)], c.ClassRecall.Select(r => (r.Class, r.Change)));
    }

    [Fact]
    public void Eval_json_carries_every_precision_and_report_reads_the_int8_accuracy_as_its_own()
    {
        (EvaluationRequest request, string source) = Request();
        EvaluationResult result = PrecisionEvaluation.Run(request, new PrecisionSettings(["fp32", "int8"], null, 100, "min-max", 99.999, 0),
            new FakeConverter(), new ModelCache(_temp.File("cache")), null, (r, _) => FakeEvaluate(r, useInt8: r.ModelPath != source));

        string json = EvaluationReportWriter.Json(result);
        EvaluationDocument read = JsonSerializer.Deserialize<EvaluationDocument>(json)!;

        Assert.Equal(["fp32", "int8"], read.Precisions!.Select(p => p.Precision));
        Assert.Equal((2, 1), (read.PrecisionComparisons![0].BaselineOnlyCorrect, read.PrecisionComparisons[0].OtherOnlyCorrect));
        Assert.Equal("a", read.PrecisionComparisons[0].ClassRecall[0].Class);

        AccuracyTable table = EvalJsonAccuracy.Parse(json, "/runs/eval.json");
        var fp32 = new ModelInfo("m", ModelSource.File, "/m.onnx", 224, null, null, null);
        Assert.Equal(100 * 5.0 / 6, table.Find(fp32)!.Top1, 9);
        Assert.Equal(100 * 4.0 / 6, table.Find(fp32 with { Precision = "int8" })!.Top1, 9);
        Assert.Null(table.Find(fp32 with { Precision = "fp16" }));

        string markdown = EvaluationReportWriter.Markdown(result);
        Assert.Contains("### int8 against fp32", markdown, StringComparison.Ordinal);
        Assert.Contains("- Discordant images: 2 right only in fp32, 1 right only in int8; McNemar exact binomial (fewer than 25 discordant images): p = 1: no significant difference at 0.05 (inconclusive, not \"equal\")", markdown, StringComparison.Ordinal);
        Assert.Contains("| a | 2 | 1.0000 | 0.5000 | −50.00 pp |", markdown, StringComparison.Ordinal);
        Assert.Contains("(synthetic inputs: no calibration images)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_images_that_are_also_evaluated_are_refused_as_leakage()
    {
        string data = Directory.CreateDirectory(_temp.File("data")).FullName;
        string image = Path.Combine(data, "1.png");
        File.WriteAllBytes(image, [1]);
        var dataset = new Dataset(data, ["a"], [new LabelledImage(image, 0)], Dataset.ImageFolderLayout);
        string separate = Directory.CreateDirectory(_temp.File("cal")).FullName;
        File.WriteAllBytes(Path.Combine(separate, "c.png"), [2]);

        var e = Assert.Throws<DatasetException>(() => LeakageRequest.CalibrationAgainstDataset(data, dataset));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.StartsWith($"--calibration '{data}' contains 1 of the evaluated images (e.g. '{image}'), which would all count as leaks: pass a calibration folder separate from the evaluated images", e.Message, StringComparison.Ordinal);
        Assert.NotNull(LeakageRequest.CalibrationAgainstDataset(separate, dataset));
    }

    private (EvaluationRequest Request, string Source) Request()
    {
        string source = _temp.File("m.onnx");
        File.WriteAllText(source, "fp32 graph");
        var dataset = new Dataset("/data", [.. Classes],
            [.. Images.Select((img, i) => new LabelledImage($"/data/{Classes[img.Truth]}/{i + 1}.png", img.Truth))], Dataset.ImageFolderLayout);
        Preprocessing preprocessing = Preprocessing.ImageNetDefault();
        var request = new EvaluationRequest(source, "m", false, dataset, preprocessing, false, false, 1, ExecutionProvider.Cpu, null, new ProviderSettings());
        return (request, source);
    }

    private static EvaluationResult FakeEvaluate(EvaluationRequest request, bool useInt8)
    {
        var accumulator = new ClassificationAccumulator(Classes);
        for (int i = 0; i < Images.Length; i++)
        {
            float[] scores = useInt8 ? Images[i].Int8 : Images[i].Fp32;
            accumulator.Add(scores, Images[i].Truth);
            request.OnScores?.Invoke(request.Dataset.Images[i].Path, Images[i].Truth, scores);
        }

        return new EvaluationResult(request, accumulator.Build(), ImmutableArray<SkippedImage>.Empty, request.Preprocessing, 1, false,
            TimeSpan.FromSeconds(1), 6, new PipelineTimings(1, 0, 0, 0, 0, null));
    }
}
