using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Benchmarking.EndToEnd;

/// <summary>
/// Measures an end-to-end case: the model with <see cref="PreprocessingGraph"/> in front, one session whose measured
/// call is a single Run on the preloaded encoded image, timed by the same harness as the model-only case.
/// </summary>
internal static class EndToEndCase
{
    /// <summary>The transform of the model: the zoo variant's own, or for a file eval's <see cref="Preprocessing.ImageNetDefault"/>,
    /// whose resolution and layout <see cref="PreprocessingGraph.Compose"/> then takes from the model.</summary>
    public static Preprocessing PreprocessingFor(PlannedCase planned) =>
        planned.Architecture is not null ? Preprocessing.ForZooVariant(planned.Model.Name) : Preprocessing.ImageNetDefault();

    /// <summary>The end_to_end record of a case that was not measured (skipped or failed): the image's size and hash
    /// whenever it can be read, whichever case came first (a skip reason does not depend on the image having been loaded).</summary>
    public static EndToEndInfo NotMeasured(PlannedCase planned, string image)
    {
        byte[]? bytes = Read(image);
        return new(image, bytes?.LongLength, null, null, planned.EndToEndOf!, null, null, null, null, EndToEndInfo.Sha256(bytes));
    }

    /// <exception cref="EndToEndUnavailableException">The model cannot take the preprocessing graph (not an image classifier
    /// input this tool can feed) or the extension ops cannot be registered.</exception>
    public static CaseResult Measure(PlannedCase planned, string modelPath, EndToEndImage image, CaseResult? modelCase, BenchmarkPreset preset,
        RunRequest request, string artifactsDirectory)
    {
        byte[] bytes = image.Bytes ?? throw new InvalidOperationException("the end-to-end image was not read");
        Preprocessing defaults = PreprocessingFor(planned);
        byte[] composed;
        Preprocessing applied;
        try
        {
            Onnx.ModelProto model = OnnxModelFile.Load(modelPath);
            applied = PreprocessingGraph.FindImageInput(model).Fit(defaults);
            composed = PreprocessingGraph.Compose(model, defaults).ToByteArray();
        }
        catch (NotSupportedException e)
        {
            throw new EndToEndUnavailableException($"end-to-end cannot feed this model: {e.Message}", e);
        }

        var given = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [PreprocessingGraph.InputName] = bytes };
        CaseResult measured = CaseRunner.Measure(planned, (options, _) =>
        {
            OrtExtensions.Register(options);
            return InferenceRunner.Create(composed, options, planned.Batch, given);
        }, preset, request, artifactsDirectory);

        double? modelMedian = modelCase is { Status: CaseStatus.Ok, LatencyMs: { } latency } ? latency.Median : null;
        double median = measured.LatencyMs!.Median;
        double? preprocessing = median - modelMedian;
        double? share = preprocessing is double ms ? Math.Clamp(ms / median, 0, 1) : null;
        (double aloneMs, int aloneSamples) = TimePreprocessingAlone(applied, given, planned, request);
        return measured with
        {
            EndToEnd = new EndToEndInfo(image.Path, bytes.LongLength, image.Width, image.Height, planned.EndToEndOf!,
                PreprocessingGraph.Describe(applied), modelMedian, preprocessing, share, EndToEndInfo.Sha256(bytes),
                aloneMs, aloneSamples, Math.Clamp(aloneMs / median, 0, 1)),
        };
    }

    /// <summary>Warm-up runs of the preprocessing graph alone before it is timed.</summary>
    internal const int AloneWarmup = 5;

    /// <summary>At least this many timed runs; then runs go on until <see cref="AloneBudget"/> or <see cref="AloneMaxSamples"/>.</summary>
    internal const int AloneMinSamples = 20;

    internal const int AloneMaxSamples = 200;

    internal static readonly TimeSpan AloneBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// The preprocessing graph alone (the same DecodeImage ... layout nodes, ending at the model's input), in its own
    /// session with the case's options, timed run by run with a Stopwatch: <see cref="AloneWarmup"/> warm-up runs, then
    /// at least <see cref="AloneMinSamples"/> and at most <see cref="AloneMaxSamples"/> runs within <see cref="AloneBudget"/>;
    /// the median over individual runs.
    /// </summary>
    private static (double MedianMs, int Samples) TimePreprocessingAlone(Preprocessing applied, IReadOnlyDictionary<string, byte[]> given,
        PlannedCase planned, RunRequest request)
    {
        using SessionOptions options = SessionFactory.CreateOptions(planned.Provider, planned.Threads, request.ProviderSettings);
        OrtExtensions.Register(options);
        using InferenceRunner runner = InferenceRunner.Create(PreprocessingGraph.Build(applied).ToByteArray(), options, 1, given);
        for (int i = 0; i < AloneWarmup; i++)
        {
            runner.Run();
        }

        double[] samples = RunTimer.Time(runner, AloneMinSamples, AloneMaxSamples, AloneBudget);
        return (LatencyStatistics.From(samples).Median, samples.Length);
    }

    private static byte[]? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
