using System.Text.Json;
using EffNetBench.Core.Providers;
using EffNetBench.IntegrationTests.Cli;
using EffNetBench.IntegrationTests.Evaluation.Data;
using EffNetBench.IntegrationTests.Evaluation.Leakage;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Eval;

/// <summary>`eval` end to end on a colour classifier whose every prediction is known in advance.</summary>
public sealed class EvalCommandTests : IDisposable
{
    // 8x8 inputs, no normalisation: the pooled channel means are the colour's bytes / 255.
    private static readonly string[] Tiny = ["--resize", "8", "--crop-pct", "1", "--mean", "0,0,0", "--std", "1,1,1", "--scale", "1"];

    private readonly DataWorkspace _work = new();

    public void Dispose() => Directory.Delete(_work.Root, recursive: true);

    /// <summary>
    /// Classes a_red, b_green, c_blue; 4 images each correctly coloured, plus 2 mislabelled (a green image in a_red, a
    /// blue image in b_green) and one corrupt file in c_blue. 14 decodable images, 12 correct.
    /// </summary>
    private (string Model, string Data) Setup(int? batch = null, int corrupt = 1)
    {
        string model = _work.PathOf("colour.onnx");
        ColourClassifier.Save(model, batch);
        (string Folder, SKColor Colour)[] classes = [("a_red", SKColors.Red), ("b_green", new SKColor(0, 255, 0)), ("c_blue", SKColors.Blue)];
        foreach ((string folder, SKColor colour) in classes)
        {
            for (int i = 0; i < 4; i++)
            {
                _work.Image($"data/{folder}/img{i}{(i % 2 == 0 ? ".png" : ".jpg")}", colour, 12, 10);
            }
        }

        _work.Image("data/a_red/wrong.png", new SKColor(0, 255, 0));
        _work.Image("data/b_green/wrong.png", SKColors.Blue);
        for (int i = 0; i < corrupt; i++)
        {
            _work.Text($"data/c_blue/corrupt{i}.jpg", "this is not a JPEG");
        }

        return (model, _work.PathOf("data"));
    }

    [Theory]
    [InlineData(null, "5")]
    [InlineData(4, null)]
    public void Eval_pins_accuracy_confusion_and_skipped_images(int? fixedBatch, string? batchOption)
    {
        (string model, string data) = Setup(fixedBatch);
        string outDir = _work.PathOf("out");
        // 1 corrupt of 15 is 6.7 %, above the default 1 %: allowed explicitly.
        string[] args = ["eval", model, data, "--out", outDir, "--max-bad", "10%", .. Tiny, .. batchOption is null ? Array.Empty<string>() : ["--batch", batchOption]];

        (int code, string output, string error) = CliRunner.Run(args);

        Assert.True(code == 0, error + output);
        Assert.Contains("top-1", output, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "eval.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("colour", root.GetProperty("model").GetString());
        Assert.Equal(14, root.GetProperty("images").GetInt32());
        Assert.Equal(12.0 / 14, root.GetProperty("top1").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("top5").ValueKind);
        JsonElement skipped = Assert.Single(root.GetProperty("skipped").EnumerateArray());
        Assert.EndsWith("corrupt0.jpg", skipped.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(skipped.GetProperty("reason").GetString()));

        long[][] confusion = [.. root.GetProperty("confusion_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray())];
        Assert.Equal([[4L, 1, 0], [0L, 4, 1], [0L, 0, 4]], confusion);
        Assert.Equal(["a_red", "b_green", "c_blue"], root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));

        JsonElement[] perClass = [.. root.GetProperty("per_class").EnumerateArray()];
        Assert.Equal(3, perClass.Length);
        Assert.Equal("a_red", perClass[0].GetProperty("class").GetString());
        Assert.Equal(5, perClass[0].GetProperty("support").GetInt64());
        Assert.Equal(0.8, perClass[0].GetProperty("recall").GetDouble(), 9);
        Assert.Equal(1.0, perClass[0].GetProperty("precision").GetDouble(), 9);
        Assert.Equal(0.8, perClass[2].GetProperty("precision").GetDouble(), 9);

        foreach (string field in new[] { "dataset", "macro", "weighted", "warnings", "top1_ci95", "balanced_accuracy", "ece", "provider", "preprocessing", "images_per_second" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.Equal("cpu", root.GetProperty("provider").GetString());
        Assert.Equal(fixedBatch ?? 5, root.GetProperty("batch").GetInt32());
        Assert.Equal(8, root.GetProperty("preprocessing").GetProperty("resolution").GetInt32());
        double[] ci = [.. root.GetProperty("top1_ci95").EnumerateArray().Select(v => v.GetDouble())];
        Assert.True(ci[0] >= 0 && ci[0] < 12.0 / 14 && ci[1] > 12.0 / 14 && ci[1] <= 1);

        string md = File.ReadAllText(Path.Combine(outDir, "eval.md"));
        Assert.Contains("a_red → b_green: 1", md, StringComparison.Ordinal);
        Assert.Contains("corrupt0.jpg", md, StringComparison.Ordinal);
        Assert.DoesNotContain("synthetic weights", md, StringComparison.Ordinal);

        string[] confusionCsv = File.ReadAllLines(Path.Combine(outDir, "confusion.csv"));
        Assert.Equal("a_red,4,1,0", confusionCsv[1]);
        string[] perClassCsv = File.ReadAllLines(Path.Combine(outDir, "per_class.csv"));
        Assert.Equal(4, perClassCsv.Length);
        Assert.StartsWith("class,precision,recall,f1,support", perClassCsv[0], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));

        // The heatmap is written next to the tables and linked from the report.
        Assert.Equal(
            new[] { "confusion.csv", "confusion.png", "confusion.svg", "eval.json", "eval.md", "per_class.csv" },
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("![confusion matrix](confusion.png)", md, StringComparison.Ordinal);
        Assert.Contains("a_red", File.ReadAllText(Path.Combine(outDir, "confusion.svg")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, "nchw")]
    [InlineData(true, null, "nhwc")]
    [InlineData(true, "bgr", "nhwc")]
    public void Layout_comes_from_the_model_and_bgr_swaps_red_and_blue(bool nhwc, string? channels, string layout)
    {
        (string model, string data) = Setup();
        ColourClassifier.Save(model, batch: null, nhwc);
        string outDir = _work.PathOf("out");
        string[] args = ["eval", model, data, "--out", outDir, "--max-bad", "10%", .. Tiny, .. channels is null ? Array.Empty<string>() : ["--channels", channels]];

        (int code, string output, string error) = CliRunner.Run(args);

        Assert.True(code == 0, error + output);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "eval.json")));
        Assert.Equal(layout, json.RootElement.GetProperty("preprocessing").GetProperty("layout").GetString());
        long[][] confusion = [.. json.RootElement.GetProperty("confusion_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray())];

        // RGB: as in the main test. BGR feeds blue where the model reads red: red images score as c_blue and blue as
        // a_red; a_red's mislabelled green image stays b_green, b_green's blue one becomes a_red.
        long[][] expected = channels == "bgr"
            ? [[0L, 1, 4], [1L, 4, 0], [4L, 0, 0]]
            : [[4L, 1, 0], [0L, 4, 1], [0L, 0, 4]];
        Assert.Equal(expected, confusion);
    }

    [Fact]
    public void A_zoo_variant_takes_its_published_preprocessing_and_is_flagged_as_synthetic()
    {
        // Two classes named among 1000 (the zoo's head width); two 500x375 images each.
        foreach (string folder in new[] { "k0001", "k0002" })
        {
            for (int i = 0; i < 2; i++)
            {
                _work.Image($"zoo/{folder}/img{i}.jpg", new SKColor((byte)(60 * i), 120, 200), 500, 375);
            }
        }

        string classes = _work.Text("classes.txt", string.Join('\n', Enumerable.Range(0, 1000).Select(i => $"k{i:0000}")));
        string outDir = _work.PathOf("out");

        (int code, string output, string error) = CliRunner.Run(["eval", "b1", _work.PathOf("zoo"), "--classes", classes, "--out", outDir, "--cache-dir", _work.PathOf("cache")]);

        Assert.True(code == 0, error + output);
        Assert.Contains("warning: synthetic weights", output, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "eval.json")));
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("synthetic_weights").GetBoolean());
        Assert.Equal(4, root.GetProperty("images").GetInt32());

        // B1: 240 px, crop_pct 0.882 (resize to round(240 / 0.882) = 272), bicubic, ImageNet mean/std on [0, 1] (reference table).
        JsonElement p = root.GetProperty("preprocessing");
        Assert.Equal((240, 272, 0.882, "bicubic", 1.0), (p.GetProperty("resolution").GetInt32(), p.GetProperty("resize_size").GetInt32(),
            p.GetProperty("crop_pct").GetDouble(), p.GetProperty("interpolation").GetString(), p.GetProperty("scale").GetDouble()));
        Assert.Equal([0.485f, 0.456f, 0.406f], p.GetProperty("mean").EnumerateArray().Select(v => v.GetSingle()).ToArray());
        Assert.Equal(1000, root.GetProperty("classes").GetArrayLength());
    }

    [Fact]
    public void Train_folder_leakage_is_found_reported_and_warned_about()
    {
        (string model, string data) = Setup();

        // Two photo-like test images in c_blue; training holds a byte copy of one and a half-size quality-60 JPEG of the
        // other, plus an unrelated photo. The flat colour images have no detail for a perceptual hash: exact matching only.
        using SKBitmap photoA = SyntheticPhotos.Make(seed: 1);
        using SKBitmap photoB = SyntheticPhotos.Make(seed: 2);
        using SKBitmap other = SyntheticPhotos.Make(seed: 3);
        File.WriteAllBytes(Path.Combine(data, "c_blue", "photo_a.png"), SyntheticPhotos.Encode(photoA, SKEncodedImageFormat.Png));
        File.WriteAllBytes(Path.Combine(data, "c_blue", "photo_b.png"), SyntheticPhotos.Encode(photoB, SKEncodedImageFormat.Png));
        string train = _work.PathOf("train");
        Directory.CreateDirectory(Path.Combine(train, "c_blue"));
        File.Copy(Path.Combine(data, "c_blue", "photo_a.png"), Path.Combine(train, "c_blue", "a_copy.png"));
        File.WriteAllBytes(Path.Combine(train, "c_blue", "b_small.jpg"), SyntheticPhotos.ResizedJpeg(photoB, 250, 188, 60));
        File.WriteAllBytes(Path.Combine(train, "c_blue", "unrelated.png"), SyntheticPhotos.Encode(other, SKEncodedImageFormat.Png));
        string outDir = _work.PathOf("out");

        (int code, string output, string error) = CliRunner.Run(["eval", model, data, "--train", train, "--out", outDir, "--max-bad", "10%", .. Tiny]);

        Assert.True(code == 0, error + output);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "eval.json")));
        JsonElement leak = json.RootElement.GetProperty("leakage");
        Assert.Equal((3, 17, 2, 1, 1, 0), (leak.GetProperty("train_images").GetInt32(), leak.GetProperty("test_images").GetInt32(),
            leak.GetProperty("leaked_test_images").GetInt32(), leak.GetProperty("exact_test_images").GetInt32(),
            leak.GetProperty("near_only_test_images").GetInt32(), leak.GetProperty("label_conflicts").GetInt32()));
        Assert.Equal(2.0 / 17, leak.GetProperty("leaked_fraction").GetDouble(), 1e-12);
        string warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!), w => w.StartsWith("data_leakage:", StringComparison.Ordinal));
        Assert.Contains("2 of 17 evaluated images (11.8%)", warning, StringComparison.Ordinal);
        Assert.Contains("warning: data_leakage: 2 of 17", output, StringComparison.Ordinal);

        string[] pairs = File.ReadAllLines(Path.Combine(outDir, "leakage.csv"));
        Assert.Contains(pairs, l => l.StartsWith("exact,", StringComparison.Ordinal) && l.Contains("photo_a.png", StringComparison.Ordinal) && l.Contains("a_copy.png", StringComparison.Ordinal));
        Assert.Contains(pairs, l => l.StartsWith("near,", StringComparison.Ordinal) && l.Contains("photo_b.png", StringComparison.Ordinal) && l.Contains("b_small.jpg", StringComparison.Ordinal));
        Assert.DoesNotContain(pairs, l => l.Contains("unrelated.png", StringComparison.Ordinal));
        Assert.Contains("- Leakage check against", File.ReadAllText(Path.Combine(outDir, "eval.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "is not a folder")]
    [InlineData("empty", "holds no images")]
    [InlineData("data", "contains 15 of the evaluated images")]
    [InlineData("", "contains 15 of the evaluated images")]    // the folder holding data/
    [InlineData("data/c_blue", "contains 5 of the evaluated images")] // a class folder of the evaluated set
    public void A_bad_train_folder_is_a_usage_error_and_nothing_is_written(string folder, string message)
    {
        (string model, string data) = Setup();
        Directory.CreateDirectory(_work.PathOf("empty"));
        string outDir = _work.PathOf("out");

        (int code, _, string error) = CliRunner.Run(["eval", model, data, "--train", folder.Length == 0 ? _work.Root : _work.PathOf(folder), "--out", outDir, "--max-bad", "10%", .. Tiny]);

        Assert.Equal(2, code);
        Assert.Contains("--train", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--train", "--decode-only")]
    [InlineData("--leak-threshold", null)]
    public void Leakage_options_that_would_be_ignored_are_usage_errors(string option, string? with)
    {
        (string model, string data) = Setup();
        string[] extra = option == "--train" ? ["--train", _work.PathOf("data"), with!] : ["--leak-threshold", "4"];

        (int code, _, string error) = CliRunner.Run(["eval", model, data, "--out", _work.PathOf("out"), .. extra, .. Tiny]);

        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_work.PathOf("out")));
    }

    [Fact]
    public void A_model_that_does_not_fit_fails_before_the_leakage_scan()
    {
        (string model, _) = Setup();
        foreach (string folder in new[] { "a", "b" })
        {
            _work.Image($"two/{folder}/x.png", SKColors.Red);
        }

        _work.Image("train/a/y.png", SKColors.Blue);

        (int code, _, string error) = CliRunner.Run(["eval", model, _work.PathOf("two"), "--train", _work.PathOf("train"), "--out", _work.PathOf("out"), .. Tiny]);

        Assert.Equal(1, code);
        Assert.Contains("outputs 3 scores per image", error, StringComparison.Ordinal);
        Assert.DoesNotContain("leakage:", error, StringComparison.Ordinal); // the scan's progress never started
    }

    [Fact]
    public void Eval_json_says_where_the_time_went()
    {
        (string model, string data) = Setup();
        string outDir = _work.PathOf("out");

        (int code, string output, string error) = CliRunner.Run(["eval", model, data, "--out", outDir, "--max-bad", "10%", .. Tiny]);

        Assert.True(code == 0, error + output);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "eval.json")));
        JsonElement pipeline = json.RootElement.GetProperty("pipeline");
        Assert.Equal(Environment.ProcessorCount, pipeline.GetProperty("workers").GetInt32());
        foreach (string stage in new[] { "decode_cpu_seconds", "preprocess_cpu_seconds", "inference_seconds", "inference_wait_seconds" })
        {
            double seconds = pipeline.GetProperty(stage).GetDouble();
            Assert.True(seconds > 0 && seconds < json.RootElement.GetProperty("elapsed_seconds").GetDouble() * Environment.ProcessorCount, $"{stage} = {seconds}");
        }

        Assert.True(pipeline.GetProperty("peak_rss_bytes").GetInt64() > 10_000_000);
        Assert.Contains("pipeline: decode ", output, StringComparison.Ordinal);

        // The ONNX Runtime that classified the images; no package, as this process's library is not from `runtimes add`.
        Core.Providers.RuntimeInfo runtime = Core.Providers.ProviderProbe.Runtime();
        Assert.Equal(runtime.OrtVersion, json.RootElement.GetProperty("onnxruntime").GetString());
        Assert.Equal(runtime.LibraryPath, json.RootElement.GetProperty("onnxruntime_library").GetString());
        Assert.False(json.RootElement.TryGetProperty("onnxruntime_package", out _));
        Assert.Contains("- Pipeline: decode ", File.ReadAllText(Path.Combine(outDir, "eval.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_only_checks_every_image_lists_the_bad_ones_and_writes_nothing()
    {
        (string model, string data) = Setup(corrupt: 2);
        string outDir = _work.PathOf("out");

        (int code, string output, string error) = CliRunner.Run(["eval", model, data, "--decode-only", "--out", outDir, "--max-bad", "20%", .. Tiny]);

        Assert.True(code == 0, error + output);
        Assert.Contains("14 decoded and preprocessed, 2 skipped", output, StringComparison.Ordinal);
        Assert.Contains("no inference", output, StringComparison.Ordinal);
        Assert.Contains($"skipped: {Path.Combine(data, "c_blue", "corrupt0.jpg")}: ", output, StringComparison.Ordinal);
        Assert.Contains($"skipped: {Path.Combine(data, "c_blue", "corrupt1.jpg")}: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("top-1", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Decode_only_still_fails_past_max_bad()
    {
        (string model, string data) = Setup(corrupt: 3);

        (int code, _, string error) = CliRunner.Run(["eval", model, data, "--decode-only", "--max-bad", "10%", .. Tiny]);

        Assert.Equal(1, code);
        Assert.Contains("--max-bad", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_bad_images_fail_with_one_line()
    {
        // 3 corrupt of 17 images is 17.6 %, above a --max-bad of 10 %.
        (string model, string data) = Setup(corrupt: 3);

        (int code, string output, string error) = CliRunner.Run(["eval", model, data, "--out", _work.PathOf("out"), "--max-bad", "10%", .. Tiny]);

        Assert.Equal(1, code);
        // Progress lines share the error stream; the failure itself is one line.
        string failure = Assert.Single(error.TrimEnd().Split('\n'), l => l.StartsWith("effnet-bench:", StringComparison.Ordinal));
        Assert.Contains("could not be decoded", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_work.PathOf("out/eval.json")), output);
    }

    [Fact]
    public void One_bad_image_in_fifteen_exceeds_the_default_max_bad()
    {
        (string model, string data) = Setup();

        (int code, _, string error) = CliRunner.Run(["eval", model, data, "--out", _work.PathOf("out"), .. Tiny]);

        Assert.Equal(1, code);
        Assert.Contains("--max-bad", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_images_within_max_bad_pass()
    {
        (string model, string data) = Setup(corrupt: 3);

        (int code, _, string error) = CliRunner.Run(["eval", model, data, "--out", _work.PathOf("out"), "--max-bad", "0.2", .. Tiny]);

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(_work.PathOf("out/eval.json")));
        Assert.Equal(3, json.RootElement.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public void Missing_dataset_is_a_usage_error()
    {
        (string model, _) = Setup();

        (int code, _, string error) = CliRunner.Run(["eval", model, _work.PathOf("nowhere"), .. Tiny]);

        Assert.Equal(2, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_is_a_usage_error()
    {
        (_, string data) = Setup();

        (int code, _, string error) = CliRunner.Run(["eval", _work.PathOf("absent.onnx"), data, .. Tiny]);

        Assert.Equal(2, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_provider_this_machine_lacks_fails_with_one_line_and_exit_1()
    {
        Skip.If(ProviderProbe.Probe(new ProviderSettings()).Single(p => p.Provider == ExecutionProvider.Cuda).Usable, "CUDA is usable here");
        (string model, string data) = Setup();

        (int code, string output, string error) = CliRunner.Run(["eval", model, data, "--providers", "cuda", "--out", _work.PathOf("out"), .. Tiny]);

        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("effnet-bench: CUDA (CUDAExecutionProvider) is not usable: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_work.PathOf("out")));
    }

    [Theory]
    [InlineData("--batch", "0")]
    [InlineData("--batch", "x")]
    [InlineData("--max-bad", "150%")]
    [InlineData("--mean", "1,2")]
    [InlineData("--layout", "chw")]
    public void Bad_option_values_are_usage_errors(string option, string value)
    {
        (string model, string data) = Setup();

        (int code, _, string error) = CliRunner.Run(["eval", model, data, option, value]);

        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_that_do_not_match_the_classes_fail_with_exit_1()
    {
        (string model, _) = Setup();
        foreach (string folder in new[] { "a", "b" })
        {
            _work.Image($"two/{folder}/x.png", SKColors.Red);
        }

        (int code, _, string error) = CliRunner.Run(["eval", model, _work.PathOf("two"), "--out", _work.PathOf("out"), .. Tiny]);

        Assert.Equal(1, code);
        Assert.Contains("--classes", error, StringComparison.Ordinal);
    }
}
