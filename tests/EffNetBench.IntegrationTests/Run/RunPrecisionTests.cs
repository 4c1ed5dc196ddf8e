using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>`run --precision` and `--graph-opt` with real ONNX Runtime sessions.</summary>
[Collection(RunCollection.Name)]
public sealed class RunPrecisionTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    [Trait("Category", "Slow")] // about 10 s: quick measurements of the fp32 and the int8 case
    public void The_int8_case_is_converted_in_its_worker_measured_and_graph_opt_is_recorded()
    {
        (int code, _, string error) = _work.Run("--model", _work.TinyModel("tiny"), "--precision", "fp32,int8", "--graph-opt", "basic");

        Assert.True(code == 0, $"exit {code}: {error}");
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal("basic", results.Settings.GraphOptimization);
        Assert.Equal(["fp32", "int8"], results.Settings.Precision!.Precisions.ToArray());
        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/int8/cpu/b1/tdefault"], results.Cases.Select(c => c.Id));
        RunAssert.ValidOk(results.Cases[0]);
        CaseResult int8 = results.Cases[1];
        RunAssert.ValidOk(int8);
        Assert.Equal("int8", int8.Model.Precision);
        ConversionSummary conversion = Assert.IsType<ConversionSummary>(int8.Conversion);
        Assert.True(conversion.ConvertedNodes > 0 && conversion.SyntheticCalibration);
        Assert.True(File.Exists(conversion.File), conversion.File);
        Assert.StartsWith(Path.Combine(_work.Out, "models"), conversion.File, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")] // two quick measurements
    public void A_converted_model_is_measured_from_the_cache_and_copied_into_the_run_folder_with_its_report()
    {
        string model = _work.TinyModel("tiny");
        var settings = new RunSettings([], [model], ["cpu"], [1], [null], "quick", 42, _work.Out, null)
        {
            Precision = new PrecisionSettings(["int8"], null, 8, "min-max", 99.999, 0),
        };
        PlannedCase planned = Assert.Single(RunPlanner.Plan(settings));
        var converter = new CopyConverter();
        var measurer = new OrtCaseMeasurer(new RunRequest(settings, new ProviderSettings(), _work.Cache), converter);

        CaseResult result = measurer.Measure(planned, null, Path.Combine(_work.Out, "bdn", "case"));

        Assert.Equal(CaseStatus.Ok, result.Status);
        Assert.Equal("int8", result.Model.Precision);
        Assert.StartsWith(Path.GetFullPath(_work.Cache), result.Model.File, StringComparison.Ordinal);
        ConversionSummary conversion = result.Conversion!;
        Assert.Equal(("int8", 1, true), (conversion.Precision, conversion.KeptFloatNodes, conversion.SyntheticCalibration));
        Assert.Equal(File.ReadAllBytes(model), File.ReadAllBytes(conversion.File!));
        Assert.Equal(Path.Combine(_work.Out, "models"), Path.GetDirectoryName(conversion.File));
        (_, _, ConversionOptions options) = Assert.Single(converter.Calls);
        Assert.Equal((8, "cpu"), (options.Calibration!.MaxImages, options.Provider));

        // A second case of the same model and precision converts nothing: the cache holds it.
        measurer.Measure(planned, null, Path.Combine(_work.Out, "bdn", "case2"));
        Assert.Single(converter.Calls);
    }

    [Theory]
    [InlineData(null, GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData("disabled", GraphOptimizationLevel.ORT_DISABLE_ALL)]
    [InlineData("extended", GraphOptimizationLevel.ORT_ENABLE_EXTENDED)]
    public void Graph_opt_sets_the_session_options_level(string? level, GraphOptimizationLevel expected)
    {
        using SessionOptions options = SessionFactory.CreateOptions(ExecutionProvider.Cpu, null, new ProviderSettings { GraphOptimization = level });

        Assert.Equal(expected, options.GraphOptimizationLevel);
    }

    /// <summary>"Converts" by copying the model: the measured graph is then the source's, which is all this test needs.</summary>
    private sealed class CopyConverter : IModelConverter
    {
        public List<(string Input, string Output, ConversionOptions Options)> Calls { get; } = [];

        public ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options)
        {
            Calls.Add((inputPath, outputPath, options));
            File.Copy(inputPath, outputPath, overwrite: true);
            return new ConversionReport(options.Precision, 0, ImmutableArray.Create(new KeptFloatNode("s", "Softmax", "not quantizable")), "min-max over 8 synthetic inputs", 0.01);
        }
    }
}
