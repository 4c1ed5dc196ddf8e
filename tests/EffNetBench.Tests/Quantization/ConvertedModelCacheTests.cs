using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Quantization;

/// <summary>Converted models are cached like zoo models, keyed by the source's SHA-256, the precision and the options.</summary>
public sealed class ConvertedModelCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Source(string name, string content)
    {
        string path = _temp.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_model_is_converted_once_and_then_reused_with_its_report()
    {
        var cache = new ModelCache(_temp.File("cache"));
        var converter = new FakeConverter();
        string source = Source("m.onnx", "graph-a");
        ConversionOptions options = ModelConversion.Options(Precision.Int8, null, "cpu");

        ConvertedModel first = cache.GetOrConvert(source, options, converter);
        ConvertedModel second = cache.GetOrConvert(source, options, converter);

        Assert.True(first.Converted);
        Assert.False(second.Converted);
        Assert.Single(converter.Calls);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal("graph-a", File.ReadAllText(second.Path));
        Assert.Equal(first.Report.KeptFloat.ToArray(), second.Report.KeptFloat.ToArray());
        Assert.Equal(first.Report.CalibrationDescription, second.Report.CalibrationDescription);
        Assert.Equal(Precision.Int8, second.Report.Precision);

        // SHA-256("graph-a"), computed independently: printf graph-a | sha256sum
        Assert.Equal("d8213feb6870bd57", first.SourceSha256[..16]);
        Assert.StartsWith("d8213feb6870bd57-int8-", Path.GetFileName(first.Path), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(cache.Directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Another_source_precision_method_or_calibration_set_is_another_entry()
    {
        var cache = new ModelCache(_temp.File("cache"));
        string a = Source("a.onnx", "graph-a");
        string b = Source("b.onnx", "graph-b");
        string calibration = Directory.CreateDirectory(_temp.File("cal")).FullName;
        File.WriteAllText(Path.Combine(calibration, "x.png"), "x");
        var settings = new PrecisionSettings(["int8"], calibration, 100, "min-max", 99.999, 0);

        string Key(string source, Precision p, PrecisionSettings? s) => cache.ConvertedPathFor(ConversionKey.Sha256OfFile(source), ModelConversion.Options(p, s, "cpu"));

        string baseKey = Key(a, Precision.Int8, settings);
        Assert.Equal(baseKey, Key(a, Precision.Int8, settings));
        Assert.NotEqual(baseKey, Key(b, Precision.Int8, settings));
        Assert.NotEqual(baseKey, Key(a, Precision.Fp16, settings));
        Assert.NotEqual(baseKey, Key(a, Precision.Int8, settings with { CalibrationMethod = "entropy" }));
        Assert.NotEqual(baseKey, Key(a, Precision.Int8, settings with { CalibrationImages = 50 }));
        Assert.NotEqual(baseKey, Key(a, Precision.Int8, null));

        File.WriteAllText(Path.Combine(calibration, "y.png"), "y");
        Assert.NotEqual(baseKey, Key(a, Precision.Int8, settings));

        // Calibration does not touch fp16 or dynamic int8: their key ignores it.
        Assert.Equal(Key(a, Precision.Fp16, settings), Key(a, Precision.Fp16, null));
        Assert.Equal(Key(a, Precision.Int8Dynamic, settings), Key(a, Precision.Int8Dynamic, null));
    }

    [Fact]
    public void Prepare_copies_the_model_into_the_run_folder_and_summarises_the_report()
    {
        var cache = new ModelCache(_temp.File("cache"));
        string run = _temp.File("run");
        string source = Source("m.onnx", "graph-a");

        (string path, ConversionSummary summary) = ModelConversion.Prepare(cache, new FakeConverter(), source, "b0",
            ModelConversion.Options(Precision.Int8, null, "cpu"), run);

        Assert.StartsWith(cache.Directory, path, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(run, "models", "b0-" + Path.GetFileName(path)), summary.File);
        Assert.Equal("graph-a", File.ReadAllText(summary.File!));
        Assert.Equal("int8", summary.Precision);
        Assert.Equal(10, summary.ConvertedNodes);
        Assert.Equal(3, summary.KeptFloatNodes);
        Assert.Equal(["Sigmoid x2 (not quantizable)", "Softmax x1 (not quantizable)"], summary.KeptFloatOpTypes.ToArray());
        Assert.True(summary.SyntheticCalibration);
        Assert.Equal("min-max over synthetic inputs (no calibration images)", summary.Calibration);
    }

    [Fact]
    public void Clear_removes_converted_models_with_their_reports_and_counts_models_only()
    {
        var cache = new ModelCache(_temp.File("cache"));
        cache.GetOrConvert(Source("m.onnx", "graph-a"), ModelConversion.Options(Precision.Fp16, null, "cpu"), new FakeConverter());

        Assert.Equal(1, cache.Usage().Files);
        Assert.Equal(1, cache.Clear().Files);
        Assert.Empty(Directory.EnumerateFiles(cache.Directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_converter_that_refuses_leaves_nothing_in_the_cache()
    {
        var cache = new ModelCache(_temp.File("cache"));

        var e = Assert.Throws<PrecisionUnavailableException>(() =>
            cache.GetOrConvert(Source("m.onnx", "graph-a"), ModelConversion.Options(Precision.Int8, null, "cpu"), new RefusingConverter()));

        Assert.StartsWith("int8 needs the model converter", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(cache.Directory, "*", SearchOption.AllDirectories));
    }

    /// <summary>Refuses every conversion, as a converter that cannot make a precision does.</summary>
    private sealed class RefusingConverter : IModelConverter
    {
        public ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options) =>
            throw new PrecisionUnavailableException($"{PrecisionNames.Name(options.Precision)} needs the model converter");
    }
}
