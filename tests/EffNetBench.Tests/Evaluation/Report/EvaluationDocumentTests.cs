using System.Collections.Immutable;
using System.Text.Json;
using EffNetBench.Core.Evaluation;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Evaluation.Metrics;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Reporting.Accuracy;

namespace EffNetBench.Tests.Evaluation.Report;

/// <summary>eval.json is one typed document: what `eval` writes is what `report --accuracy eval.json` reads.</summary>
public sealed class EvaluationDocumentTests
{
    /// <summary>
    /// eval.json as the writer before <see cref="EvaluationDocument"/> wrote it (an anonymous object, no top-level
    /// "resolution"): `effnet-bench eval` of an exported b0 (synthetic weights, so top-1 0) on 4 images of 2 classes,
    /// with --classes naming 1000. Only the 1000-long lists (classes, per_class, confusion_matrix) are cut to their
    /// first 3 entries and most_confused and warnings to 2; every field and value is as written.
    /// </summary>
    private const string WrittenBeforeTheTypedDocument =
        """
        {
          "model": "rend-b0",
          "model_path": "/tmp/rend-b0.onnx",
          "synthetic_weights": false,
          "dataset": "/tmp/rend-evalset",
          "dataset_layout": "imagefolder",
          "dataset_images": 4,
          "images": 4,
          "skipped": [],
          "top1": 0,
          "top1_ci95": [
            0,
            0.4898908364545973
          ],
          "top5": 0,
          "top5_ci95": [
            0,
            0.4898908364545973
          ],
          "balanced_accuracy": 0,
          "ece": 0.9989513278968242,
          "outputs_were_probabilities": false,
          "macro": {
            "precision": 0,
            "recall": 0,
            "f1": 0
          },
          "weighted": {
            "precision": 0,
            "recall": 0,
            "f1": 0
          },
          "per_class": [
            {
              "class": "cat",
              "precision": 0,
              "recall": 0,
              "f1": 0,
              "support": 2,
              "predicted": 0
            },
            {
              "class": "dog",
              "precision": 0,
              "recall": 0,
              "f1": 0,
              "support": 2,
              "predicted": 0
            },
            {
              "class": "class3",
              "precision": 0,
              "recall": 0,
              "f1": 0,
              "support": 0,
              "predicted": 0
            }
          ],
          "classes": [
            "cat",
            "dog",
            "class3"
          ],
          "confusion_matrix": [
            [
              0,
              0,
              0
            ],
            [
              0,
              0,
              0
            ],
            [
              0,
              0,
              0
            ]
          ],
          "most_confused": [
            {
              "true_class": "cat",
              "predicted_class": "class614",
              "count": 2
            },
            {
              "true_class": "dog",
              "predicted_class": "class614",
              "count": 2
            }
          ],
          "warnings": [
            "never_predicted: Class 'cat' has 2 images but was never predicted; its precision is reported as 0.",
            "never_predicted: Class 'dog' has 2 images but was never predicted; its precision is reported as 0."
          ],
          "provider": "cpu",
          "threads": null,
          "batch": 1,
          "fixed_batch": true,
          "preprocessing": {
            "resolution": 224,
            "resize_size": 256,
            "crop_pct": 0.875,
            "interpolation": "bicubic",
            "mean": [
              0.485,
              0.456,
              0.406
            ],
            "std": [
              0.229,
              0.224,
              0.225
            ],
            "scale": 1,
            "channels": "rgb",
            "layout": "nchw"
          },
          "elapsed_seconds": 0.3157078,
          "images_per_second": 12.66994353639663,
          "pipeline": {
            "workers": 2,
            "decode_cpu_seconds": 0.112751874,
            "preprocess_cpu_seconds": 0.080412045,
            "inference_seconds": 0.20039614,
            "inference_wait_seconds": 0.093380459,
            "peak_rss_bytes": 160993280
          },
          "leakage": null
        }
        """;

    [Fact]
    public void An_eval_json_written_before_the_typed_document_still_reads_with_its_resolution()
    {
        AccuracyTable table = EvalJsonAccuracy.Parse(WrittenBeforeTheTypedDocument, "/runs/eval.json");

        AccuracyEntry entry = Assert.Single(table.Entries);
        Assert.Equal(
            new AccuracyEntry("rend-b0", 224, 0, 0, "measured:eval.json", AccuracyKind.Measured) { Checkpoint = "rend-b0.onnx" },
            entry);

        EvaluationDocument document = JsonSerializer.Deserialize<EvaluationDocument>(WrittenBeforeTheTypedDocument)!;
        Assert.Null(document.Resolution);
        Assert.Equal(224, document.InputResolution);
        Assert.Equal((4, 4, "imagefolder", 0.875, 2, 160_993_280L), (document.Images, document.DatasetImages, document.DatasetLayout, document.Preprocessing!.CropPct, document.Pipeline!.Workers, document.Pipeline.PeakRssBytes));
        Assert.Equal(["cat", "dog", "class3"], document.Classes);
        Assert.Equal(("cat", "class614", 2L), (document.MostConfused[0].TrueClass, document.MostConfused[0].PredictedClass, document.MostConfused[0].Count));
    }

    [Fact]
    public void The_writer_keeps_every_field_of_earlier_files_and_adds_the_resolution_at_the_top()
    {
        using JsonDocument before = JsonDocument.Parse(WrittenBeforeTheTypedDocument);
        using JsonDocument now = JsonDocument.Parse(EvaluationReportWriter.Json(Example()));

        string[] fields = [.. now.RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal([.. before.RootElement.EnumerateObject().Select(p => p.Name).Append("resolution").Order(StringComparer.Ordinal)], fields.Order(StringComparer.Ordinal));
        foreach (string nested in new[] { "macro", "preprocessing", "pipeline" })
        {
            Assert.Equal(
                before.RootElement.GetProperty(nested).EnumerateObject().Select(p => p.Name),
                now.RootElement.GetProperty(nested).EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal(224, now.RootElement.GetProperty("resolution").GetInt32());
    }

    [Fact]
    public void Written_and_read_back_the_document_is_the_same_and_the_accuracy_source_finds_model_top1_top5_and_resolution()
    {
        EvaluationResult result = Example();
        string json = EvaluationReportWriter.Json(result);

        EvaluationDocument read = JsonSerializer.Deserialize<EvaluationDocument>(json)!;
        Assert.Equal(json, Core.Reporting.Tabular.ToJson(read));
        Assert.Equal(("b0-trained", 224, 2.0 / 3, 1.0), (read.Model, read.Resolution, read.Top1!.Value, read.Top5!.Value));
        Assert.Equal(("/data/set/bad.jpg", "truncated"), (read.Skipped[0].Path, read.Skipped[0].Reason));

        AccuracyEntry entry = Assert.Single(EvalJsonAccuracy.Parse(json, "/runs/eval.json").Entries);
        Assert.Equal(("b0-trained", 224, "b0-trained.onnx"), (entry.Model, entry.Resolution, entry.Checkpoint));
        Assert.Equal(100 * 2.0 / 3, entry.Top1, 9);
    }

    [Fact]
    public void The_markdown_per_class_table_escapes_pipes_and_line_breaks_in_class_names()
    {
        string markdown = EvaluationReportWriter.Markdown(Example());

        Assert.Contains("| dog\\|wolf hybrid | 1.0000 | 0.5000 | 0.6667 | 2 |\n", markdown);
        Assert.Contains("- precision_recall_gap: Class 'dog\\|wolf hybrid' has", markdown);
        Assert.DoesNotContain("wolf\nhybrid", markdown);
    }

    /// <summary>Three images of three classes (one named with a pipe and a line break): two right, one wrong; top-5 is all of them.</summary>
    private static EvaluationResult Example()
    {
        string[] classes = ["cat", "dog|wolf\nhybrid", "bird", "fish", "frog", "horse"];
        var accumulator = new ClassificationAccumulator(classes);
        accumulator.Add([0.7f, 0.2f, 0.02f, 0.02f, 0.03f, 0.03f], 0);
        accumulator.Add([0.1f, 0.8f, 0.02f, 0.02f, 0.03f, 0.03f], 1);
        accumulator.Add([0.6f, 0.3f, 0.02f, 0.02f, 0.03f, 0.03f], 1);
        var dataset = new Dataset("/data/set", [.. classes],
            [new LabelledImage("/data/set/cat/1.jpg", 0), new LabelledImage("/data/set/dog/1.jpg", 1), new LabelledImage("/data/set/dog/2.jpg", 1)],
            Dataset.ImageFolderLayout);
        Preprocessing preprocessing = Preprocessing.ForZooVariant("b0");
        var request = new EvaluationRequest("/models/b0-trained.onnx", "b0-trained", SyntheticWeights: false, dataset, preprocessing,
            ResolutionFromModel: true, LayoutFromModel: true, Batch: null, ExecutionProvider.Cpu, Threads: null, new ProviderSettings());
        return new EvaluationResult(request, accumulator.Build(), [new SkippedImage("/data/set/bad.jpg", "truncated")], preprocessing,
            Batch: 1, FixedBatch: false, TimeSpan.FromSeconds(2), ImagesPerSecond: 1.5, new PipelineTimings(2, 0.1, 0.2, 0.3, 0.05, 123_456_789));
    }
}
