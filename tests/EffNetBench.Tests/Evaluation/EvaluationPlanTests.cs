using EffNetBench.Core;
using EffNetBench.Core.Evaluation;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Evaluation;

/// <summary>What eval resolves before it runs: model, preprocessing, dataset and the --train check. No ONNX Runtime
/// session: the model file is only named, and the images only listed (their bytes are never decoded here).</summary>
public sealed class EvaluationPlanTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_onnx_file_gets_the_imagenet_transform_and_its_input_decides_resolution_and_layout()
    {
        string model = Touch("models/classifier.onnx");

        EvaluationPlan plan = EvaluationPlan.Create(new EvaluationSpec(model, Dataset()));

        EvaluationRequest r = plan.Request;
        Assert.Equal((model, "classifier", false), (r.ModelPath, r.ModelName, r.SyntheticWeights));
        AssertSame(Preprocessing.ImageNetDefault(), r.Preprocessing);
        Assert.True(r.ResolutionFromModel);
        Assert.True(r.LayoutFromModel);
        Assert.Equal(Path.Combine(".", "eval-classifier"), plan.DefaultOutputFolder);
        Assert.Null(plan.Leakage);
        Assert.Equal(["cat", "dog"], r.Dataset.Classes.ToArray());
    }

    [Fact]
    public void Given_fields_replace_the_defaults_and_stop_the_model_deciding_them()
    {
        var overrides = new PreprocessingOverrides(Resolution: 300, Interpolation: Interpolation.Bilinear, Scale: 255f, Layout: TensorLayout.Nhwc);

        EvaluationRequest r = EvaluationPlan.Create(new EvaluationSpec(Touch("m.onnx"), Dataset(), Preprocessing: overrides, Batch: 8,
            Provider: ExecutionProvider.Cpu, Threads: 2, MaxBadFraction: 0.5, Limit: 1)).Request;

        Assert.Equal((300, 0.875, Interpolation.Bilinear, 255f, TensorLayout.Nhwc),
            (r.Preprocessing.Resolution, r.Preprocessing.CropPct, r.Preprocessing.Interpolation, r.Preprocessing.Scale, r.Preprocessing.Layout));
        Assert.False(r.ResolutionFromModel);
        Assert.False(r.LayoutFromModel);
        Assert.Equal((8, 2, 0.5), (r.Batch, r.Threads, r.MaxBadFraction));
        Assert.Single(r.Dataset.Images); // --limit
    }

    [Fact]
    public void No_overrides_leave_the_defaults_as_they_are()
    {
        Preprocessing v2 = Preprocessing.ForZooVariant("v2-s");

        AssertSame(v2, PreprocessingOverrides.None.ApplyTo(v2));
        AssertSame(v2 with { Channels = ChannelOrder.Bgr, Mean = [1f, 2f, 3f] },
            new PreprocessingOverrides(Channels: ChannelOrder.Bgr, Mean: [1f, 2f, 3f]).ApplyTo(v2));
    }

    [Fact]
    public void A_zoo_variant_is_generated_into_the_cache_once_with_its_own_transform()
    {
        string cache = _dir.File("cache");

        EvaluatedModel first = EvaluatedModel.Resolve("lite0", cache, seed: 7);
        DateTime written = File.GetLastWriteTimeUtc(first.Path);
        EvaluatedModel again = EvaluatedModel.Resolve("lite0", cache, seed: 7);

        Assert.StartsWith(Path.GetFullPath(cache), first.Path, StringComparison.Ordinal);
        Assert.Equal(("lite0", true, false), (first.Name, first.SyntheticWeights, first.IsFile));
        AssertSame(Preprocessing.ForZooVariant("lite0"), first.Preprocessing);
        Assert.Equal(first.Path, again.Path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.Path));
    }

    [Theory]
    [InlineData("no-such-model")]
    [InlineData("b0.onnx")] // a missing file named like a variant is a missing file, not the zoo's b0
    public void Neither_a_file_nor_a_variant_is_a_model_load_error(string model)
    {
        var e = Assert.Throws<ModelLoadException>(() => EvaluatedModel.Resolve(Path.Combine(_dir.Path, model), _dir.File("cache"), 1));

        Assert.Contains("not found: pass an existing .onnx file or a zoo variant name", e.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.False(Directory.Exists(_dir.File("cache")));
    }

    [Fact]
    public void A_missing_dataset_is_bad_usage_and_no_model_is_needed_to_say_so()
    {
        var e = Assert.Throws<DatasetException>(() => EvaluationPlan.Create(new EvaluationSpec(Touch("m.onnx"), _dir.File("no-data"))));

        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void A_folder_given_as_the_model_is_bad_usage_that_says_it_is_a_folder()
    {
        Directory.CreateDirectory(_dir.File("models"));

        var e = Assert.Throws<ModelLoadException>(() => EvaluatedModel.Resolve(_dir.File("models"), _dir.File("cache"), 1));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("is a folder, not an ONNX file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_separate_train_folder_becomes_the_leakage_check_of_the_evaluated_images()
    {
        Touch("train/cat/t1.jpg");
        Touch("train/dog/t2.png");

        EvaluationPlan plan = EvaluationPlan.Create(new EvaluationSpec(Touch("m.onnx"), Dataset(), TrainFolder: _dir.File("train/"), LeakThreshold: 3));

        Assert.NotNull(plan.Leakage);
        Assert.Equal(3, plan.Leakage.Threshold);
        Assert.Equal(_dir.File("train"), plan.Leakage.TrainRoot);
        Assert.Equal(2, plan.Leakage.Train.Length);
        Assert.Equal([("cat", _dir.File("data/cat/a.png")), ("dog", _dir.File("data/dog/b.png"))],
            plan.Leakage.Test.Select(i => (i.Label!, i.Path)).ToArray());
    }

    [Theory]
    [InlineData("data", 2)]            // the evaluated folder itself
    [InlineData("", 2)]                // a folder holding it
    [InlineData("data/dog", 1)]        // one of its class folders
    public void A_train_folder_sharing_evaluated_images_is_refused(string train, int shared)
    {
        string dataset = Dataset();

        var e = Assert.Throws<DatasetException>(() => EvaluationPlan.Create(new EvaluationSpec(Touch("m.onnx"), dataset, TrainFolder: _dir.File(train))));

        Assert.StartsWith($"--train '{Path.TrimEndingDirectorySeparator(_dir.File(train))}' contains {shared} of the evaluated images (e.g. '", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_naming_training_files_is_refused_though_the_folders_are_apart()
    {
        Touch("train/cat/t1.png");
        Touch("train/cat/t2.png");
        Directory.CreateDirectory(_dir.File("lists"));
        File.WriteAllText(_dir.File("lists/test.csv"), "path,label\n../train/cat/t1.png,cat\n../data/dog/b.png,dog\n");
        Dataset();

        var e = Assert.Throws<DatasetException>(() =>
            EvaluationPlan.Create(new EvaluationSpec(Touch("m.onnx"), _dir.File("lists/test.csv"), TrainFolder: _dir.File("train"))));

        Assert.Contains($"contains 1 of the evaluated images (e.g. '{_dir.File("train/cat/t1.png")}')", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "is not a folder: it does not exist")]
    [InlineData("empty", "holds no images")]
    public void A_train_folder_without_images_is_refused(string train, string message)
    {
        Directory.CreateDirectory(_dir.File("empty"));

        var e = Assert.Throws<DatasetException>(() => EvaluationPlan.Create(new EvaluationSpec(Touch("m.onnx"), Dataset(), TrainFolder: _dir.File(train))));

        Assert.StartsWith($"--train '{_dir.File(train)}' {message}", e.Message, StringComparison.Ordinal);
    }

    /// <summary>An image folder with classes cat (a.png) and dog (b.png); the files are names only.</summary>
    private string Dataset()
    {
        Touch("data/cat/a.png");
        Touch("data/dog/b.png");
        return _dir.File("data");
    }

    private string Touch(string relative)
    {
        string path = _dir.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1]);
        return path;
    }

    private static void AssertSame(Preprocessing expected, Preprocessing actual) =>
        Assert.Equal(
            (expected.Resolution, expected.CropPct, expected.Interpolation, expected.Scale, expected.Channels, expected.Layout, string.Join(',', expected.Mean), string.Join(',', expected.Std)),
            (actual.Resolution, actual.CropPct, actual.Interpolation, actual.Scale, actual.Channels, actual.Layout, string.Join(',', actual.Mean), string.Join(',', actual.Std)));
}
